"""The development corpus of real equations (tests/corpus/equations, issue 12 item 6).

* every corpus JSON is well-formed (required keys, unique ids, ≥ 300 equations, sources with a
  40-hex commit and a license);
* every impl folder is consistent: its equation.tex quotes the corpus block verbatim, correct.py
  matches an independent reference and wrong.py does not (tests/corpus/equations/verify.py).

These tests do not import eq2code: the corpus measures eq2code, it does not depend on it.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus" / "equations"
OUTCOMES = {"checkable", "not-checkable", "unsupported"}
DELIMITERS = {"$$", "\\[", "equation", "equation*", "align", "align*", "eqnarray", "eqnarray*",
              "gather", "gather*", "multline", "multline*"}


def _load_verify():
    spec = importlib.util.spec_from_file_location("corpus_equations_verify", CORPUS / "verify.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


VERIFY = _load_verify()
SOURCES = sorted(p for p in CORPUS.glob("*.json") if p.name != "measured.json")
IMPLS = VERIFY.folders()


def _all_equations():
    out = {}
    for path in SOURCES:
        for eq in json.loads(path.read_text(encoding="utf-8"))["equations"]:
            out[eq["id"]] = eq
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_corpus_json_is_well_formed(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    src = doc["source"]
    for key in ("repo", "commit", "license", "url", "language", "title"):
        assert src.get(key), f"source.{key} missing"
    assert re.fullmatch(r"[0-9a-f]{40}", src["commit"])
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", src["repo"])
    assert src["url"] == f"https://github.com/{src['repo']}"
    assert src["language"] in {"en", "ja"}
    assert doc["equations"], "no equations"
    for eq in doc["equations"]:
        assert eq["id"].startswith(path.stem + "-"), eq["id"]
        for key in ("path", "line", "latex", "delimiters", "expected", "topic"):
            assert key in eq, f"{eq['id']}: {key} missing"
        assert isinstance(eq["line"], int) and eq["line"] >= 1
        assert eq["latex"].strip(), eq["id"]
        assert eq["delimiters"] in DELIMITERS, eq["id"]
        outcome = eq["expected"]["outcome"]
        assert outcome in OUTCOMES, eq["id"]
        if outcome != "checkable":
            assert eq["expected"].get("reason", "").strip(), f"{eq['id']}: a {outcome} block needs a reason"


def test_corpus_ids_unique_and_enough():
    ids = [eq["id"] for p in SOURCES for eq in json.loads(p.read_text(encoding="utf-8"))["equations"]]
    assert len(ids) == len(set(ids)), "duplicate equation ids"
    assert len(ids) >= 300
    langs = {}
    for p in SOURCES:
        doc = json.loads(p.read_text(encoding="utf-8"))
        langs[doc["source"]["language"]] = langs.get(doc["source"]["language"], 0) + len(doc["equations"])
    assert langs.get("ja", 0) >= 80
    assert len({json.loads(p.read_text(encoding="utf-8"))["source"]["repo"] for p in SOURCES}) >= 8


def test_enough_impl_folders():
    assert len(IMPLS) >= 120


@pytest.mark.parametrize("folder", IMPLS, ids=lambda p: p.name)
def test_impl_folder(folder):
    equations = _all_equations()
    eq = equations.get(folder.name)
    assert eq is not None, f"{folder.name} is not a corpus equation id"
    assert eq["expected"]["outcome"] == "checkable"
    tex = (folder / "equation.tex").read_text(encoding="utf-8")
    assert eq["latex"] in tex, "equation.tex must quote the corpus block verbatim"
    assert f"% Source: {folder.name}" in tex
    check = json.loads((folder / "check.json").read_text())
    assert f"% eq2code: function={check['function']}" in tex
    assert VERIFY.verify_folder(folder) == []
