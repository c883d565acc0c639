"""`eq2code docs NAME_OR_CODE` and the finding catalogue behind it (finding_docs.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from eq2code.findings.docs import EN, JA, SNIPPETS, close_matches, find_example, page, render_markdown
from eq2code.findings.model import KINDS


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_finding_is_documented_in_both_languages(name):
    for catalogue in (EN, JA):
        d = catalogue[name]
        assert d.what and d.why and d.fix
    assert SNIPPETS[name]
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", JA[name].what), "the Japanese text is Japanese"


def test_japanese_uses_the_lecture_vocabulary():
    text = " ".join(d.what + d.why + d.fix for d in JA.values())
    for word in ("転置", "正規化", "総和", "軸", "数値的に不安定"):
        assert word in text, word


def test_docs_by_name_and_code(run_cli):
    code, out, _ = run_cli("docs", "missing-keepdims")
    assert code == 0
    assert out.startswith("EQ302 missing-keepdims: Missing keepdims (error)")
    for heading in ("What it means", "Why it matters", "Example", "How to fix it"):
        assert heading in out
    assert "keepdims=True" in out
    code2, out2, _ = run_cli("docs", "eq302")
    assert code2 == 0 and out2 == out


def test_docs_in_japanese(run_cli):
    code, out, _ = run_cli("docs", "EQ305", "--lang", "ja")
    assert code == 0
    assert "missing-transpose" in out and "転置の欠落" in out
    for heading in ("意味", "なぜ問題か", "例", "修正方法"):
        assert heading in out


def test_example_comes_from_the_gallery_when_there_is_one(run_cli):
    example = find_example("missing-scale")
    assert example is not None and example.path.endswith(".py")
    assert "eq2code-example" not in example.code
    _code, out, _ = run_cli("docs", "missing-scale")
    assert f"from {example.path}" in out
    # without a gallery example: the inline snippet
    assert find_example("missing-keepdims", []) is None
    assert page("latex-syntax", "en")["example"]["code"] == SNIPPETS["latex-syntax"]


def test_docs_json(run_cli):
    code, out, _ = run_cli("docs", "unstable-exp", "--format", "json")
    assert code == 0
    data = json.loads(out)["finding"]
    assert data["name"] == "unstable-exp" and data["code"] == "EQ401" and data["severity"] == "warning"
    assert set(data) >= {"title", "what", "why", "fix", "example"}


def test_unknown_name_exits_2_with_close_matches(run_cli):
    code, out, err = run_cli("docs", "missing-keepdim")
    assert code == 2 and out == ""
    assert "unknown finding" in err and "missing-keepdims" in err
    assert "wrong-reduction-axis" in close_matches("wrong_reduction_axes")
    assert run_cli("docs", "EQ999")[0] == 2


def test_generated_pages(tmp_path):
    script = ROOT / "scripts" / "gen_finding_docs.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    pages = {p.stem for p in tmp_path.glob("*.md")} - {"README"}
    assert pages == set(KINDS)
    text = (tmp_path / "wrong-reduction-axis.md").read_text(encoding="utf-8")
    assert text.startswith("# wrong-reduction-axis (EQ301)")
    for heading in ("## What it means", "## Why it matters", "## Example", "## How to fix it", "## 日本語"):
        assert heading in text
    assert "[missing-scale](missing-scale.md)" in (tmp_path / "README.md").read_text(encoding="utf-8")
    assert render_markdown("missing-scale").startswith("# missing-scale (EQ303)")
    # the committed pages exist for every finding (their examples follow the gallery: regenerate with the script)
    assert {p.stem for p in (ROOT / "docs" / "findings").glob("*.md")} - {"README"} == set(KINDS)
