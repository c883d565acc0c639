"""The labels of the real-code corpus (tests/corpus/code) agree with independent computations.

Each case's quoted public code is imported from its impl.py and compared with a reference
written from the math in tests/corpus/code/verify.py (never with eq2code).  The quotes
themselves are third-party code and are kept out of git (see tests/corpus/code/README.md);
cases whose impl.py is absent are skipped.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus" / "code"


def _verify_module():
    spec = importlib.util.spec_from_file_location("corpus_code_verify", CORPUS / "verify.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


VERIFY = _verify_module()
FOLDERS = VERIFY.case_folders()


def test_corpus_is_not_empty():
    assert len(FOLDERS) >= 100


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_label_agrees_with_independent_computation(folder):
    if not (folder / "impl.py").exists():
        pytest.skip("impl.py (the third-party quote) is not in this checkout")
    ok, message = VERIFY.run_case(folder)
    assert ok, message


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_case_file_is_complete(folder):
    case = VERIFY.load_case(folder)
    src, chk, exp = case["source"], case["check"], case["expected"]
    assert len(src["commit"]) == 40 and all(c in "0123456789abcdef" for c in src["commit"])
    for key in ("repo", "path", "lines", "license", "url"):
        assert src[key], key
    assert ("rule" in chk) != ("equation" in chk)
    if "equation" in chk:
        assert (folder / chk["equation"]).exists()
    assert chk["function"]
    assert exp["verdict"] in ("pass", "fail")
    assert exp["convention"] and exp["verified"]
    if exp.get("buggy", exp["verdict"] == "fail"):
        assert exp.get("finding"), "a buggy case names the finding eq2code should give"
    assert case["inputs"]["reference"] in VERIFY.REFS
