"""Past one machine (issue 16): `check --shard K/N` splits the pairs deterministically so a CI
matrix checks a course repository in parallel, and `eq2code merge` joins the shards' JSON or
SARIF reports into the report one run would have written."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from eq2code.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
PATHS = [str(ROOT / "examples" / "softmax"), str(ROOT / "examples" / "l1-norm")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_shards_partition_the_pairs_and_merge_to_the_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code_all, whole = run(capsys, "check", *PATHS, "--format", "json", "--jobs", "2")
    parts = []
    for k in (1, 2, 3):
        _, text = run(capsys, "check", *PATHS, "--format", "json", "--jobs", "2", "--shard", f"{k}/3")
        (tmp_path / f"{k}.json").write_text(text, encoding="utf-8")
        parts.append(json.loads(text))
    seen = [c["implementation"] for p in parts for c in p["checks"]]
    assert len(seen) == len(set(seen)) == len(json.loads(whole)["checks"])  # disjoint and complete
    assert all(p["checks"] for p in parts)  # every shard has work
    code_merged, merged = run(capsys, "merge", *(str(tmp_path / f"{k}.json") for k in (1, 2, 3)))
    a, b = json.loads(whole), json.loads(merged)
    assert a["checks"] == b["checks"] and a["summary"] == b["summary"]
    assert [d["data"]["fingerprint"] for d in a["diagnostics"]] == [d["data"]["fingerprint"] for d in b["diagnostics"]]
    assert code_merged == code_all == 1


def test_sarif_shards_merge_into_one_valid_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    total = 0
    for k in (1, 2):
        _, text = run(capsys, "check", *PATHS, "--format", "sarif", "--jobs", "2", "--shard", f"{k}/2")
        (tmp_path / f"{k}.sarif").write_text(text, encoding="utf-8")
        total += len(json.loads(text)["runs"][0]["results"])
    _, merged = run(capsys, "merge", str(tmp_path / "1.sarif"), str(tmp_path / "2.sarif"))
    log = json.loads(merged)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    assert len(log["runs"]) == 1 and len(log["runs"][0]["results"]) == total
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in log["runs"][0]["results"])


@pytest.mark.parametrize("bad", ["0/3", "4/3", "1", "a/b"])
def test_bad_shard_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *PATHS, "--shard", bad]) == 2


def test_merge_refuses_what_is_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["merge", str(tmp_path / "x.json")]) == 2
    assert "not a report" in capsys.readouterr().err
