"""Human-readable report, like ruff and rustc: header, source snippet with carets, help, notes.

Positions print 1-based. Colour (ANSI) only when the caller asks for it; `want_color` is the
usual policy (a TTY and NO_COLOR unset).
"""

from __future__ import annotations

import os
from typing import TextIO

from eq2code.base.cells import shown_path as _shown_path
from eq2code.findings.messages import render_help, render_message, summary_line, ui
from eq2code.findings.model import Finding, Severity
from eq2code.report.formats.source import TAB_WIDTH, SourceLines, display_width, printable
from eq2code.report.model import CheckRecord, Report


def shown_path(path: str) -> str:
    return printable(_shown_path(path))

_SEVERITY_STYLE = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36",
                   Severity.HINT: "1;36"}
_VERDICT_STYLE = {"pass": "1;32", "fail": "1;31", "error": "1;31", "excused": "1;33"}


def want_color(stream: TextIO) -> bool:
    """Colour when writing to a terminal and NO_COLOR is unset or empty."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def render(report: Report, *, color: bool = False) -> str:
    paint = _painter(color)
    sources = SourceLines()
    blocks = ["\n".join(_finding(f, report.lang, sources, paint)) + "\n"
              for f in report.sorted_findings()]
    lines = [_check(c, report.lang, paint) for c in report.checks]
    closing = (ui("all-passed", report.lang) if report.all_passed()
               else summary_line(**report.summary(), lang=report.lang))
    return "\n".join(blocks + lines + [paint(closing, "1")])


def _painter(color: bool):
    def paint(text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if color and text else text
    return paint


def _finding(finding: Finding, lang: str, sources: SourceLines, paint) -> list[str]:
    start = finding.range.start
    severity = finding.effective_severity
    style = _SEVERITY_STYLE[severity]
    header = (f"{paint(shown_path(finding.path), '1')}:{start.line + 1}:{start.character + 1}: "
              f"{paint(finding.code, style)} [{paint(severity.label, style)}] {finding.name}: "
              f"{printable(render_message(finding, lang))}")
    gutter = len(str(start.line + 1))
    lines = [header] + _snippet(finding, sources, gutter, paint, style)
    help_text = printable(render_help(finding, lang))
    if help_text:
        lines.append(f"{' ' * gutter} = {paint(ui('help', lang), '1')}: {help_text}")
    for rel in finding.related:
        location = f"{shown_path(rel.path)}:{rel.range.start.line + 1}:{rel.range.start.character + 1}"
        note = ui("related", lang, location=location, message=printable(rel.message))
        lines.append(f"{' ' * gutter} = {paint(ui('note', lang), '1')}: {note}")
    return lines


MAX_SNIPPET = 160  # characters of a source line shown around a finding


def _snippet(finding: Finding, sources: SourceLines, gutter: int, paint, style: str) -> list[str]:
    """The source line and a caret line under the range (to the end of the first line)."""
    rng = finding.range
    text = sources.line(finding.path, rng.start.line)
    if text is None:
        return []
    if not text.isprintable():  # escape control and bidi characters; the carets follow the escapes
        shown = printable(text[:rng.start.character])
        end_char = rng.end.character if rng.end.line == rng.start.line else len(text)
        middle = printable(text[rng.start.character:max(end_char, rng.start.character)])
        rng = type(rng).of(rng.start.line, len(shown), rng.start.line, len(shown) + len(middle))
        text = printable(text)
    start = min(max(rng.start.character, 0), len(text))
    end = rng.end.character if rng.end.line == rng.start.line else len(text)
    end = min(max(end, start), len(text))
    if len(text) > MAX_SNIPPET:  # a 1 MB equation line: show a window around the range
        lo = max(0, start - MAX_SNIPPET // 4)
        hi = min(len(text), lo + MAX_SNIPPET)
        prefix, suffix = ("…" if lo else ""), ("…" if hi < len(text) else "")
        text = prefix + text[lo:hi] + suffix
        start, end = start - lo + len(prefix), min(end, hi) - lo + len(prefix)
    pad = display_width(text[:start])
    carets = max(1, display_width(text[start:end]))
    bar = paint("|", "1;34")
    return [f"{paint(str(rng.start.line + 1), '1;34')} {bar} {text.replace(chr(9), ' ' * TAB_WIDTH)}",
            f"{' ' * gutter} {bar} {' ' * pad}{paint('^' * carets, style)}"]


def _check(check: CheckRecord, lang: str, paint) -> str:
    implementation = shown_path(check.implementation)
    subject = f"{implementation}::{printable(check.function)}" if check.function else implementation
    target = ui("rule", lang, rule=printable(check.rule)) if check.rule else shown_path(check.equation)
    verdict = paint(ui(check.verdict, lang), _VERDICT_STYLE.get(check.verdict, "1"))
    key = "check" if check.forms else "check-no-forms"
    line = ui(key, lang, subject=subject, target=target, verdict=verdict,
              forms=check.forms, seed=check.seed)
    if check.pairing:
        line += f"\n  = {paint(ui('note', lang), '1')}: {ui('pairing-' + check.pairing, lang, target=target)}"
    return line
