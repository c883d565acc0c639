"""One line a finding (`--format concise`): `path:line:col: CODE [severity] name: message`,
1-based positions, sorted, then the summary line. For grep, editors' quickfix lists and
logs that should stay short."""

from __future__ import annotations

from eq2code.base.cells import shown_path
from eq2code.findings.messages import render_message, summary_line, ui
from eq2code.findings.model import Finding
from eq2code.report.formats.source import printable
from eq2code.report.model import Report


def line(f: Finding, lang: str) -> str:
    start = f.range.start
    message = printable(" ".join(render_message(f, lang).split()))  # one line, whatever the message holds
    where = f"{printable(shown_path(f.path))}:{start.line + 1}:{start.character + 1}"
    return f"{where}: {f.code} [{f.effective_severity.label}] {f.name}: {message}"


def render(report: Report, *, color: bool = False) -> str:
    lines = [line(f, report.lang) for f in report.sorted_findings()]
    if report.all_passed():
        closing = ui("all-passed", report.lang)
    else:
        closing = summary_line(**report.summary(), lang=report.lang)
    return "\n".join(lines + [closing])
