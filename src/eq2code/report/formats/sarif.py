"""SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and other SARIF viewers.

One run with eq2code as the driver. Its `rules` are every finding kind (id = the stable
code, name = the kebab-case name, short description = the title, help = the fix in words);
each result has its rule, level, message, the location in the implementation,
`relatedLocations` into the equation file, the finding's fingerprint under
`partialFingerprints` and, where a fix exists, its edits under `fixes`.

Paths inside the working directory are relative URIs against `%SRCROOT%` (the working
directory, given in `originalUriBaseIds`); lines and columns are 1-based and columns count
UTF-16 code units (`columnKind: utf16CodeUnits`). Output is deterministic: rules sorted by
code, results in the report's sorted order, no timestamps.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from eq2code.base.span import Range
from eq2code.base.version import __version__
from eq2code.findings.messages import entry, render_help, render_message
from eq2code.findings.model import KINDS, Finding, Kind, Severity
from eq2code.report.formats.source import SourceLines
from eq2code.report.model import Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "eq2code/v1"
INFORMATION_URI = "https://pypi.org/project/eq2code/"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2)


def document(report: Report, root: str | None = None) -> dict[str, Any]:
    root = os.path.abspath(root or os.getcwd())
    kinds = sorted(KINDS.values(), key=lambda k: k.code)
    index = {k.name: i for i, k in enumerate(kinds)}
    sources = SourceLines()
    results = [_result(f, index[f.name], report.lang, sources, root)
               for f in report.sorted_findings() if f.name in index]
    run = {
        "tool": {"driver": {
            "name": "eq2code",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(k, report.lang) for k in kinds],
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def generic(template: str) -> str:
    """A message template without a finding's values: optional parts dropped, `{x}` → `<x>`."""
    text = re.sub(r"\[\[.*?\]\]", "", template, flags=re.S)
    text = re.sub(r"(?<!\{)\{([a-z_]+)\}(?!\})", r"<\1>", text)
    return text.replace("{{", "{").replace("}}", "}")


def _rule_words(k: Kind, lang: str) -> tuple[str, str, str, str]:
    """(title, what it means, why it matters, how to fix it) of a finding kind: the long form
    from `finding_docs` (what `eq2code docs` prints), else the message templates."""
    e = entry(k.name, lang)
    try:
        from eq2code.findings.docs import doc

        d = doc(k.name, lang)
        if d.what and d.fix:
            return e.title, d.what, d.why, d.fix
    except ImportError:  # pragma: no cover - the long documentation is optional
        pass
    return e.title, generic(e.message), "", generic(e.help)


def _rule(k: Kind, lang: str) -> dict[str, Any]:
    title, what, why, fix = _rule_words(k, lang)
    help_text = " ".join(part for part in (what, why, fix) if part)
    markdown = f"**{title}** (`{k.name}`, {k.code})\n\n{what}\n\n" + (f"{why}\n\n" if why else "") + \
        f"**Fix:** {fix}\n\nMore: `eq2code docs {k.name}`"
    return {
        "id": k.code,
        "name": k.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": what},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[k.severity]},
        "properties": {"tags": [k.group]},
    }


def artifact_location(path: str, root: str) -> dict[str, Any]:
    p = os.path.abspath(path)
    try:
        inside = os.path.commonpath([p, root]) == root
    except ValueError:
        inside = False
    if inside:
        return {"uri": quote(Path(os.path.relpath(p, root)).as_posix()), "uriBaseId": SRCROOT}
    return {"uri": Path(p).as_uri()}


def region(path: str, rng: Range, sources: SourceLines) -> dict[str, int]:
    r = sources.utf16_range(path, rng)
    start, end = r["start"], r["end"]
    if (end["line"], end["character"]) < (start["line"], start["character"]):
        end = start
    out = {"startLine": start["line"] + 1, "startColumn": start["character"] + 1,
           "endLine": end["line"] + 1, "endColumn": end["character"] + 1}
    return out


def _location(path: str, rng: Range, sources: SourceLines, root: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact_location(path, root),
                                 "region": region(path, rng, sources)}}


def _result(f: Finding, rule_index: int, lang: str, sources: SourceLines, root: str) -> dict[str, Any]:
    help_text = render_help(f, lang)
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.effective_severity],
        "message": {"text": render_message(f, lang)},
        "locations": [_location(f.path, f.range, sources, root)],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"name": f.name, "function": f.function, "rule": f.rule, "help": help_text},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.path, r.range, sources, root), "message": {"text": r.message or r.path}}
            for i, r in enumerate(f.related)]
    if f.fix is not None and f.fix.edits:
        result["fixes"] = [{
            "description": {"text": help_text or f.name},
            "artifactChanges": [{
                "artifactLocation": artifact_location(f.path, root),
                "replacements": [{"deletedRegion": region(f.path, e.range, sources),
                                  "insertedContent": {"text": e.new_text}} for e in f.fix.edits],
            }],
            "properties": {"applicability": f.fix.applicability},
        }]
    return result
