"""Snapshots of every finding's words (issue 11), like ruff's insta snapshots: the title,
message and help of each finding rendered in English and Japanese with representative
parameters, compared with tests/snapshots/<name>.txt. After an intended change of wording,
regenerate with `EQ2CODE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_finding_snapshots.py`
and review the diff."""

from __future__ import annotations

import os
from pathlib import Path
from string import Formatter

import pytest

from eq2code.base.span import Range
from eq2code.findings.messages import render_help, render_message, title
from eq2code.findings.model import Finding
from eq2code.findings.phrases import Phrase
from eq2code.findings.registry import FindingDef, definitions

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("EQ2CODE_UPDATE_SNAPSHOTS") == "1"

# Representative values of the template fields (a phrase where code passes one).
PARAMS = {
    "part": "\\sqrt{d_{k}}", "detail": Phrase("batch-axis", {"size": 2, "got": Phrase("batch-values")}),
    "expected": "(n, d_v)", "actual": Phrase("scalar-shape"), "construct": "\\weird", "reason":
    Phrase("cannot-evaluate", {"error": "division by zero"}), "wanted": "softmax, soft_max",
    "available": Phrase("no-functions"), "symbol": "z", "params": Phrase("no-parameters"), "type": "ValueError",
    "form": Phrase("form-core", {"sizes": "K=3"}), "phase": "call", "seconds": "10", "resource": "memory",
    "how": Phrase("killed-by-signal", {"signal": "SIGSEGV"}), "output": "\\mathrm{softmax}(\\mathbf{z})_i",
    "where": "[0]", "sizes": "K=3", "index": "[1]", "expected_value": 0.5955, "actual_value": 1.0,
    "rel_error": 0.68, "inputs": "z = [0.189, -0.198]", "seed": "0", "magnitude": "1000", "argument": "z",
    "dtype": "float32", "suppressed": "wrong-shape",
    "problem": Phrase("input-matches-no-parameter", {"symbol": "z"}), "fix": Phrase("map-the-input", {"symbol": "z"}),
}


def fields(d: FindingDef) -> set[str]:
    found = set()
    for text in (d.en, d.ja):
        for template in (text.title, text.message, text.help):
            plain = template.replace("[[", "").replace("]]", "")
            found |= {f for _, f, _, _ in Formatter().parse(plain) if f}
    return found


def rendered(d: FindingDef) -> str:
    params = {f: PARAMS.get(f, f"<{f}>") for f in sorted(fields(d))}
    finding = Finding(d.name, "impl.py", Range.of(0, 0, 0, 1), params)
    out = [f"{d.code} {d.name}", "params: " + ", ".join(sorted(params))]
    for lang in ("en", "ja"):
        out += [f"--- {lang}", f"title: {title(d.name, lang)}", f"message: {render_message(finding, lang)}",
                f"help: {render_help(finding, lang)}"]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("d", definitions(), ids=lambda d: d.name)
def test_snapshot(d: FindingDef) -> None:
    path = SNAPSHOTS / f"{d.name}.txt"
    text = rendered(d)
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"new snapshot written: {path.name}; review it and run again")
    assert text == path.read_text(encoding="utf-8")


def test_no_stale_snapshots() -> None:
    names = {d.name for d in definitions()}
    assert {p.stem for p in SNAPSHOTS.glob("*.txt")} <= names
