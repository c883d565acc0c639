"""Reporters: the text layout (positions, snippet, carets, help) and the JSON contract (spec §4)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from eq2code import __version__
from eq2code.base.span import Range
from eq2code.findings.model import Edit, Finding, Fix, Related, Severity
from eq2code.report.formats import REPORTERS, render
from eq2code.report.model import CheckRecord, Report

IMPL = (
    "import numpy as np\n"
    "\n"
    "def softmax(z):\n"
    "    s = '😀ソフト'; e = np.exp(z)\n"
    "    return e / np.sum(e, axis=0)\n"
)
EQ = "\\mathrm{softmax}(\\mathbf{z})_i = \\frac{\\exp(z_i)}{\\sum_{j=1}^{K}\\exp(z_j)}\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("softmax.py").write_text(IMPL, encoding="utf-8")
    Path("eq.tex").write_text(EQ, encoding="utf-8")
    return tmp_path


def col(line: int, needle: str) -> int:
    return IMPL.split("\n")[line].index(needle)


def axis_finding(**extra) -> Finding:
    start = col(4, "np.sum")
    eq_col = EQ.index("\\sum")
    return Finding(
        "wrong-reduction-axis", "softmax.py", Range.of(4, start, 4, start + len("np.sum(e, axis=0)")),
        params={"part": "\\sum_{j=1}^{K}"},
        related=[Related("eq.tex", Range.of(0, eq_col, 0, eq_col + 14), "\\sum_{j=1}^{K}")],
        rule="softmax", function="softmax", expression="np.sum(e, axis=0)", **extra)


def exp_finding() -> Finding:
    start = col(3, "np.exp")
    return Finding("unstable-exp", "softmax.py", Range.of(3, start, 3, start + len("np.exp(z)")),
                   params={"part": "\\exp(z_i)", "magnitude": "1e3"})


def report(findings, verdict="fail", lang="en") -> Report:
    check = CheckRecord("eq.tex", "softmax.py", "softmax", verdict, ["core", "batched"], 0)
    return Report([check], list(findings), lang)


# ---- text ---------------------------------------------------------------------------------

def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_text_header_snippet_caret_help_and_note(files):
    out = render(report([axis_finding()]), "text")
    lines = out.splitlines()
    start = col(4, "np.sum")
    assert lines[0] == (f"softmax.py:5:{start + 1}: EQ301 [error] wrong-reduction-axis: "
                        "the output equals the equation with \\sum_{j=1}^{K} taken along a different axis")
    assert lines[1] == "5 |     return e / np.sum(e, axis=0)"
    assert lines[2] == "  | " + " " * start + "^" * len("np.sum(e, axis=0)")
    assert lines[3].startswith("  = help: Reduce along the axis")
    assert lines[4] == f"  = note: in eq.tex:1:{EQ.index(chr(92) + 'sum') + 1}: \\sum_{{j=1}}^{{K}}"
    assert "softmax.py::softmax against eq.tex: fail (forms: core, batched; seed 0)" in lines
    assert lines[-1] == "Found 1 error, 0 warnings, 0 infos."


def test_caret_aligns_after_wide_and_astral_characters(files):
    out = render(report([exp_finding()]), "text")
    source, carets = out.splitlines()[1:3]
    prefix = source[: source.index("np.exp")]
    assert carets.index("^") == width(prefix)
    assert carets.count("^") == len("np.exp(z)")


def test_multiline_range_is_underlined_to_end_of_first_line(files):
    f = Finding("missing-term", "softmax.py", Range.of(3, 4, 4, 10), params={"part": "c"})
    source, carets = render(report([f]), "text").splitlines()[1:3]
    assert carets.endswith("^") and width(carets) == width(source)


def test_missing_or_undecodable_file_has_no_snippet(files):
    Path("bad.py").write_bytes(b"\xff\xfe\x00bad\n")
    gone = Finding("python-syntax", "gone.py", Range.of(0, 0, 0, 1), params={"detail": "x"})
    bad = Finding("python-syntax", "bad.py", Range.of(0, 0, 0, 1), params={"detail": "x"})
    lines = render(report([gone, bad]), "text").splitlines()
    assert lines[0].startswith("bad.py:1:1: EQ004 [error] python-syntax:")
    assert lines[1].startswith("  = help:")
    assert not any("|" in line for line in lines)


def test_findings_are_sorted_by_path_line_column_code(files):
    out = render(report([axis_finding(), exp_finding()]), "text")
    assert re.findall(r"^softmax\.py:(\d+):", out, re.M) == ["4", "5"]


def test_all_checks_passed_and_japanese(files):
    assert render(report([], verdict="pass"), "text").splitlines()[-1] == "All checks passed."
    out = render(report([axis_finding()], lang="ja"), "text")
    assert "= 修正方法:" in out and "不合格" in out
    assert out.splitlines()[-1] == "エラー 1 件、警告 0 件、情報 0 件が見つかりました。"


def test_colour_only_when_asked(files):
    plain = render(report([axis_finding()]), "text")
    coloured = render(report([axis_finding()]), "text", color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


# ---- JSON ---------------------------------------------------------------------------------

def test_json_document_has_every_field(files):
    fix = Fix("unsafe", (Edit(Range.of(4, col(4, "axis=0"), 4, col(4, "axis=0") + 6), "axis=-1"),))
    doc = json.loads(render(report([axis_finding(fix=fix)]), "json"))
    assert list(doc) == ["version", "tool", "positionEncoding", "checks", "diagnostics", "summary"]
    assert doc["version"] == 1 and doc["tool"] == {"name": "eq2code", "version": __version__}
    assert doc["positionEncoding"] == "utf-16"
    assert doc["checks"] == [{"equation": "eq.tex", "implementation": "softmax.py", "function": "softmax",
                              "verdict": "fail", "forms": ["core", "batched"], "seed": 0, "rule": None}]
    assert doc["summary"] == {"errors": 1, "warnings": 0, "infos": 0}
    (d,) = doc["diagnostics"]
    assert list(d) == ["path", "uri", "range", "severity", "code", "source", "message", "data",
                       "relatedInformation"]
    assert d["path"] == "softmax.py" and d["uri"] == (files / "softmax.py").resolve().as_uri()
    start = col(4, "np.sum")
    assert d["range"] == {"start": {"line": 4, "character": start},
                          "end": {"line": 4, "character": start + len("np.sum(e, axis=0)")}}
    assert (d["severity"], d["code"], d["source"]) == (1, "EQ301", "eq2code")
    assert d["message"].startswith("the output equals the equation")
    data = d["data"]
    assert list(data) == ["name", "rule", "function", "help", "fingerprint", "fix"]
    assert data["name"] == "wrong-reduction-axis" and data["rule"] == data["function"] == "softmax"
    assert data["help"].startswith("Reduce along") and len(data["fingerprint"]) == 16
    assert data["fix"]["applicability"] == "unsafe" and data["fix"]["message"] == data["help"]
    assert data["fix"]["edits"] == [{"range": {"start": {"line": 4, "character": col(4, "axis=0")},
                                               "end": {"line": 4, "character": col(4, "axis=0") + 6}},
                                     "newText": "axis=-1"}]
    (rel,) = d["relatedInformation"]
    assert rel["location"]["uri"] == (files / "eq.tex").resolve().as_uri()
    assert rel["location"]["range"]["start"] == {"line": 0, "character": EQ.index("\\sum")}
    assert rel["message"] == "\\sum_{j=1}^{K}"


def test_json_columns_count_utf16_code_units(files):
    doc = json.loads(render(report([exp_finding()]), "json"))
    rng = doc["diagnostics"][0]["range"]
    line = IMPL.split("\n")[3]
    expected = len(line[: line.index("np.exp")].encode("utf-16-le")) // 2
    assert expected == col(3, "np.exp") + 1  # the emoji is two code units, the katakana one each
    assert rng["start"] == {"line": 3, "character": expected}
    assert rng["end"]["character"] == expected + len("np.exp(z)")


def test_json_is_valid_without_source_files_and_keeps_unicode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = Finding("function-not-found", "nowhere.py", Range.of(2, 3, 2, 5),
                params={"wanted": "softmax", "available": "f, g"})
    text = render(report([f], verdict="error", lang="ja"), "json")
    assert "関数" in text  # ensure_ascii=False
    d = json.loads(text)["diagnostics"][0]
    assert d["range"] == {"start": {"line": 2, "character": 3}, "end": {"line": 2, "character": 5}}
    assert d["data"]["fix"] is None and d["relatedInformation"] == []


def test_json_diagnostics_are_sorted_and_output_is_deterministic(files):
    r = report([axis_finding(), exp_finding()])
    out = render(r, "json")
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["EQ401", "EQ301"]
    assert out == render(report([exp_finding(), axis_finding()]), "json")


# ---- report, registry ---------------------------------------------------------------------

def test_summary_counts_hints_as_infos_and_exit_codes(files):
    hint = Finding("equivalent-form", "softmax.py", Range.of(0, 0), severity=Severity.HINT)
    info = Finding("epsilon-variant", "softmax.py", Range.of(0, 0))
    r = report([exp_finding(), hint, info], verdict="pass")
    assert r.summary() == {"errors": 0, "warnings": 1, "infos": 2}
    assert r.exit_code() == 0
    assert report([axis_finding()], verdict="pass").exit_code() == 1
    assert report([], verdict="fail").exit_code() == 1
    assert report([], verdict="error").exit_code() == 1
    assert Report().exit_code() == 0


def test_registry_and_unknown_format():
    assert set(REPORTERS) == {"text", "json", "sarif", "github", "concise", "html", "csv"}
    with pytest.raises(ValueError, match="unknown format"):
        render(Report(), "xml")
