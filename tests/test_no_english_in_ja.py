"""`--lang ja` says nothing in English (issue 11): every fragment a user reads is a keyed
template in both languages. Checks the Japanese output of every example in examples/ (one
command-line run) after taking out what is the user's own or not prose: their exception
messages, LaTeX, code and identifiers, paths and numbers. What remains may hold single
English words (softmax, keepdims, values), never a run of two or more.
"""

from __future__ import annotations

import io
import json
import os
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from eq2code.cli.main import main

ROOT = Path(__file__).resolve().parent.parent

# The user's (or NumPy's) exception: "ValueError: operands could not …" up to Japanese punctuation.
EXCEPTION = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Exit|Warning|Interrupt)\b"
                       r"(?: を送出しました)?(?::[^（）、。「」]*)?")
CODE_SPAN = re.compile(r"`[^`]*`")
WORD = re.compile(r"[A-Za-z]{2,}|[aA]")  # a prose word: letters only, two or more (or the article)


def english_runs(text: str) -> list[str]:
    """Runs of two or more English words left after removing what is not prose."""
    text = CODE_SPAN.sub(" ", text)
    text = EXCEPTION.sub(" ", text)
    runs: list[str] = []
    current: list[str] = []
    for token in re.split(r"\s+", text):
        # a prose word stands alone between spaces (a trailing , ; : . is punctuation of prose);
        # LaTeX (\cmd, braces, sub/superscripts), code (dots, brackets, operators), paths and
        # numbers never are
        opened = token.lstrip("(（「[")
        if opened != token and len(current) >= 2:  # an opening bracket starts a new run
            runs.append(" ".join(current))
        if opened != token:
            current = []
        bare = opened.rstrip(",;:.、。)）」]")
        if WORD.fullmatch(bare):
            current.append(bare)
            if bare != opened:  # punctuation or a closing bracket ends the run, after counting the word
                if len(current) >= 2:
                    runs.append(" ".join(current))
                current = []
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs


def test_the_detector_finds_english() -> None:
    assert english_runs("一致しません: with a leading batch axis of size 2 it returns") == [
        "with a leading batch axis of size", "it returns"]
    assert english_runs("入力: core form, K=3") == ["core form"]
    assert english_runs("（killed by signal SIGKILL）") == ["killed by signal SIGKILL"]
    assert english_runs("（the result has inf or nan; inputs: p = [1., 0.]）") == ["the result has inf or nan"]


def test_the_detector_leaves_the_users_own_alone() -> None:
    assert english_runs("関数が ValueError を送出しました: operands could not be broadcast（入力: 形式）") == []
    assert english_runs("出力は、\\mathrm{softmax}\\left(\\frac{1}{\\sqrt{d_{k}}} Q K^{T}\\right) の値") == []
    assert english_runs("`np.exp(x - x.max(axis=-1, keepdims=True))` と rules/softmax.tex:7:1") == []
    assert english_runs("D_KL(p‖q) = Σ p log(p/q) で、重みは最初の分布です。softmax と keepdims=True") == []


@pytest.fixture(scope="module")
def ja_output() -> dict:
    out = io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(ROOT)
        with redirect_stdout(out):
            main(["check", "examples", "--lang", "ja", "--format", "json", "--jobs", "2"])
    finally:
        os.chdir(here)
    return json.loads(out.getvalue())


def test_ja_output_of_every_example_has_no_english_prose(ja_output: dict) -> None:
    assert len(ja_output["checks"]) >= 150
    leaks = []
    for d in ja_output["diagnostics"]:
        for text in (d["message"], d["data"].get("help") or ""):
            runs = english_runs(text)
            if runs:
                leaks.append((d["path"], d["data"]["name"], runs, text))
    assert leaks == []
