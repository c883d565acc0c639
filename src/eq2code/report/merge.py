"""Merging the reports of shards (`eq2code check --shard K/N`, one CI job each) into one:
JSON documents (checks, diagnostics and summaries added up) or SARIF logs (results and rules
of one run). The inputs are eq2code's own reports, read as data and validated."""

from __future__ import annotations

import json
from typing import Any


class MergeError(Exception):
    """A file that is not a report eq2code wrote; the message says which and why."""


MAX_REPORT_BYTES = 256 * 2**20


def read_report(path: str) -> dict[str, Any]:
    from eq2code.base.files import FileProblem, read_text

    try:
        text = read_text(path, "report", MAX_REPORT_BYTES)
    except FileProblem as e:
        raise MergeError(str(e)) from None
    try:
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise MergeError(f"{path}: not JSON ({type(e).__name__})") from None
    if not isinstance(data, dict):
        raise MergeError(f"{path}: not a report")
    return data


def kind_of(report: dict[str, Any]) -> str:
    if isinstance(report.get("runs"), list):
        return "sarif"
    if isinstance(report.get("checks"), list) and isinstance(report.get("diagnostics"), list):
        return "json"
    raise MergeError("neither an eq2code JSON report nor a SARIF log")


def merge_json(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One JSON document: the checks and diagnostics of all, sorted as eq2code sorts them."""
    out = dict(reports[0])
    checks = [c for r in reports for c in r["checks"]]
    diagnostics = [d for r in reports for d in r["diagnostics"]]
    checks.sort(key=lambda c: (str(c.get("implementation", "")), str(c.get("function") or ""),
                               str(c.get("equation", ""))))
    diagnostics.sort(key=_diagnostic_key)
    out["checks"], out["diagnostics"] = checks, diagnostics
    summary = {"errors": 0, "warnings": 0, "infos": 0}
    for d in diagnostics:
        key = {1: "errors", 2: "warnings"}.get(d.get("severity"), "infos")
        summary[key] += 1
    out["summary"] = summary
    return out


def _diagnostic_key(d: dict[str, Any]) -> tuple:
    start = d.get("range", {}).get("start", {})
    return (str(d.get("path", "")), int(start.get("line", 0)), int(start.get("character", 0)), str(d.get("code", "")))


def merge_sarif(logs: list[dict[str, Any]]) -> dict[str, Any]:
    """One SARIF log with one run: every result, and the rules they refer to (by id, once)."""
    out = dict(logs[0])
    runs = [run for log in logs for run in log["runs"] if isinstance(run, dict)]
    if not runs:
        raise MergeError("no run in the SARIF logs")
    first = dict(runs[0])
    rules: dict[str, Any] = {}
    for run in runs:
        for rule in run.get("tool", {}).get("driver", {}).get("rules", []) or []:
            rules.setdefault(str(rule.get("id")), rule)
    results = [res for run in runs for res in run.get("results", []) or []]
    driver = dict(first.get("tool", {}).get("driver", {}))
    driver["rules"] = [rules[k] for k in sorted(rules)]
    # results refer to rules by index too: point them at the merged list
    index = {r["id"]: i for i, r in enumerate(driver["rules"])}
    for res in results:
        if res.get("ruleId") in index:
            res["ruleIndex"] = index[res["ruleId"]]
    first["tool"] = dict(first.get("tool", {}), driver=driver)
    first["results"] = results
    artifacts: dict[str, Any] = {}
    for run in runs:
        for art in run.get("artifacts", []) or []:
            artifacts.setdefault(json.dumps(art.get("location", {}), sort_keys=True), art)
    if artifacts:
        first["artifacts"] = list(artifacts.values())
    out["runs"] = [first]
    return out


def merge(paths: list[str]) -> tuple[str, dict[str, Any], bool]:
    """(kind, merged report, whether it holds an error) for the reports at `paths`."""
    reports = [read_report(p) for p in paths]
    kinds = {kind_of(r) for r in reports}
    if len(kinds) != 1:
        raise MergeError("the reports are of different kinds (JSON and SARIF)")
    kind = kinds.pop()
    if kind == "json":
        merged = merge_json(reports)
        failed = merged["summary"]["errors"] > 0 or any(c.get("verdict") in ("fail", "error") for c in merged["checks"])
    else:
        merged = merge_sarif(reports)
        failed = any(res.get("level") == "error" for res in merged["runs"][0]["results"])
    return kind, merged, failed


def shard(items: list[Any], k: int, n: int, key: Any) -> list[Any]:
    """The K-th of N shards (1-based): items sorted by `key`, every N-th from the K-th on —
    the same split on every machine for the same files."""
    return [item for i, item in enumerate(sorted(items, key=key)) if i % n == k - 1]
