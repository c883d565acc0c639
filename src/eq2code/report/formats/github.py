"""GitHub Actions workflow commands (`--format github`): findings as annotations on the
pull request's files.

`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` for errors,
`::warning` for warnings and `::notice` for infos. GitHub shows at most 10 error and 10
warning annotations of a step (and 10 notices), so the first 10 of each (in sorted order)
are annotations, infos take at most 9 notices, and one more notice says how many were left
out; the summary line follows as plain log text. Values are escaped as the runner expects
(`%`, CR, LF everywhere; also `:` and `,` in properties). Lines and columns are 1-based.
"""

from __future__ import annotations

import os
from pathlib import Path

from eq2code.findings.messages import render_help, render_message, summary_line
from eq2code.findings.model import Finding, Severity
from eq2code.report.formats.source import printable
from eq2code.report.model import Report

MAX_PER_LEVEL = 10
MAX_INFO_NOTICES = MAX_PER_LEVEL - 1  # one notice is kept for the count of the rest
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """A path relative to the working directory (the checkout) when inside it, with `/`."""
    p = os.path.abspath(path)
    cwd = os.getcwd()
    try:
        if os.path.commonpath([p, cwd]) == cwd:
            return Path(os.path.relpath(p, cwd)).as_posix()
    except ValueError:
        pass
    return Path(p).as_posix()


def annotation(f: Finding, lang: str) -> str:
    command = _COMMAND[f.effective_severity]
    start, end = f.range.start, f.range.end
    props = [("file", workspace_path(f.path)), ("line", str(start.line + 1)),
             ("endLine", str(max(end.line, start.line) + 1)), ("col", str(start.character + 1))]
    if end.line == start.line and end.character > start.character:
        props.append(("endColumn", str(end.character + 1)))
    props.append(("title", f"{f.code} {f.name}"))
    props = [(k, printable(v)) for k, v in props]
    message = printable(render_message(f, lang), keep="\n")
    help_text = printable(render_help(f, lang), keep="\n")
    if help_text:
        message += "\n" + help_text
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{command} {rendered}::{escape_data(message)}"


def render(report: Report, *, color: bool = False) -> str:
    lines: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    left = {"error": 0, "warning": 0, "notice": 0}
    limits = {"error": MAX_PER_LEVEL, "warning": MAX_PER_LEVEL, "notice": MAX_INFO_NOTICES}
    for f in report.sorted_findings():
        command = _COMMAND[f.effective_severity]
        if shown[command] < limits[command]:
            shown[command] += 1
            lines.append(annotation(f, report.lang))
        else:
            left[command] += 1
    if any(left.values()):
        parts = [f"{n} {word}{'' if n == 1 else 's'}" for word, n in
                 (("error", left["error"]), ("warning", left["warning"]), ("info", left["notice"])) if n]
        note = (f"eq2code: {', '.join(parts)} not shown as annotations (GitHub shows at most "
                f"{MAX_PER_LEVEL} of each kind); run eq2code locally or use --format sarif for all of them")
        lines.append(f"::notice title=eq2code::{escape_data(note)}")
    lines.append(summary_line(**report.summary(), lang=report.lang))
    return "\n".join(lines)
