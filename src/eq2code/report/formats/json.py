"""Machine-readable report (spec §4): one JSON document, diagnostics shaped like LSP's.

Ranges are 0-based and count UTF-16 code units (`positionEncoding: "utf-16"`); keys come out
in a fixed order and diagnostics sorted by (path, line, column, code).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eq2code.base.cells import split_cell_path as split_cell
from eq2code.base.version import __version__
from eq2code.findings.messages import render_help, render_message
from eq2code.findings.model import Finding, Fix
from eq2code.report.formats.source import SourceLines
from eq2code.report.model import Report


def render(report: Report, *, color: bool = False) -> str:
    """The report as JSON text (`color` is accepted for a uniform signature and ignored)."""
    return json.dumps(document(report), ensure_ascii=False, indent=2)


def document(report: Report) -> dict[str, Any]:
    sources = SourceLines()
    return {
        "version": 1,
        "tool": {"name": "eq2code", "version": __version__},
        "positionEncoding": "utf-16",
        "checks": [_check(c) for c in report.checks],
        "diagnostics": [_diagnostic(f, report.lang, sources) for f in report.sorted_findings()],
        "summary": report.summary(),
    }


def _check(check: Any) -> dict[str, Any]:
    out = asdict(check)
    if out.get("pairing") is None:  # said only when a document pair was made another way than usual
        out.pop("pairing", None)
    return out


def _uri(path: str) -> str:
    return Path(split_cell(path)[0]).resolve().as_uri()  # a notebook cell: the notebook's URI


def _diagnostic(finding: Finding, lang: str, sources: SourceLines) -> dict[str, Any]:
    help_text = render_help(finding, lang)
    file, cell = split_cell(finding.path)  # a notebook cell: path and URI of the notebook, `data.cell`
    diagnostic: dict[str, Any] = {
        "path": file,
        "uri": _uri(finding.path),
        "range": sources.utf16_range(finding.path, finding.range),
        "severity": int(finding.effective_severity),
        "code": finding.code,
        "source": "eq2code",
        "message": render_message(finding, lang),
        "data": {
            "name": finding.name,
            "rule": finding.rule,
            "function": finding.function,
            "help": help_text,
            "fingerprint": finding.fingerprint,
            "fix": _fix(finding.fix, finding.path, help_text, sources),
        },
        "relatedInformation": [
            {"location": {"uri": _uri(r.path), "range": sources.utf16_range(r.path, r.range)},
             "message": r.message}
            for r in finding.related
        ],
    }
    if cell is not None:  # ranges count lines within the cell (1-based cell number, as in text output)
        diagnostic["data"]["cell"] = cell
        for r, info in zip(finding.related, diagnostic["relatedInformation"]):
            if split_cell(r.path)[1] is not None:
                info["cell"] = split_cell(r.path)[1]
    return diagnostic


def _fix(fix: Fix | None, path: str, help_text: str, sources: SourceLines) -> dict[str, Any] | None:
    """A fix's edits apply to the finding's own file; its message is the finding's help."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "edits": [{"range": sources.utf16_range(path, e.range), "newText": e.new_text}
                  for e in fix.edits],
        "message": help_text,
    }
