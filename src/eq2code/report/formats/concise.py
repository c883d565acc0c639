"""One line a finding (`--format concise`): `path:line:col: CODE [severity] name: message`,
1-based positions, sorted, then the summary line. For grep, editors' quickfix lists and
logs that should stay short."""

from __future__ import annotations

from eq2code.findings.model import Finding
from eq2code.findings.messages import render_message, summary_line, ui
from eq2code.report.model import Report
from eq2code.report.formats.source import printable, shown_path


def line(f: Finding, lang: str) -> str:
    start = f.range.start
    message = printable(" ".join(render_message(f, lang).split()))  # one line, whatever the message holds
    return f"{printable(shown_path(f.path))}:{start.line + 1}:{start.character + 1}: {f.code} [{f.effective_severity.label}] {f.name}: {message}"


def render(report: Report, *, color: bool = False) -> str:
    lines = [line(f, report.lang) for f in report.sorted_findings()]
    closing = ui("all-passed", report.lang) if report.all_passed() else summary_line(**report.summary(), lang=report.lang)
    return "\n".join(lines + [closing])
