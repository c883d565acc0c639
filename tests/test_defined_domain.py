"""Inputs the equation is undefined for (issue 12, the corpus's abap34-ml-lecture-040): the
model's outputs f(x_i) of a binary cross-entropy, not declared, are drawn where log f and
log(1 - f) are defined, and the check says so; 0·log(negative) is undefined, not 0."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eq2code.cli.main import main
from eq2code.reference.evaluate import _product

BCE = r"""y \in \{0,1\}^{N}

$$
- \frac{1}{N} \sum_{i=1}^{N} \left( y_i \log(f(x_i)) + (1 - y_i) \log(1 - f(x_i)) \right)
$$
"""

RIGHT = """import numpy as np


def bce(y_true, y_pred):
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))
"""

SUM_NOT_MEAN = """import numpy as np


def bce(y_true, y_pred):
    return -np.sum(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))
"""


def _check(tmp_path: Path, latex: str, code: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[dict], int]:
    (tmp_path / "eq.tex").write_text(latex, encoding="utf-8")
    (tmp_path / "impl.py").write_text(code, encoding="utf-8")
    rc = main(["check", str(tmp_path / "eq.tex"), str(tmp_path / "impl.py"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    return doc["checks"][0]["verdict"], doc["diagnostics"], rc


def test_undeclared_probabilities_are_drawn_where_the_logs_are_defined(tmp_path, capsys) -> None:
    verdict, diags, rc = _check(tmp_path, BCE, RIGHT, capsys)
    assert (verdict, rc) == ("pass", 0), [d["message"] for d in diags]
    notes = [d["message"] for d in diags if d["data"]["name"] == "ambiguous-notation" and "(0, 1)" in d["message"]]
    assert notes and "f(x_{i})" in notes[0], [d["message"] for d in diags]


def test_a_wrong_cross_entropy_still_fails_on_those_values(tmp_path, capsys) -> None:
    verdict, diags, rc = _check(tmp_path, BCE, SUM_NOT_MEAN, capsys)
    assert (verdict, rc) == ("fail", 1)
    assert "sum-vs-mean" in {d["data"]["name"] for d in diags}


def test_declared_inputs_are_not_narrowed(tmp_path, capsys) -> None:
    """The declaration is the author's word: a p declared real is drawn real."""
    latex = (r"y \in \{0,1\}^{N}, \quad p \in \mathbb{R}^{N}" "\n\n"
             r"$$ L = -\frac{1}{N} \sum_{i=1}^{N} \left( y_i \log p_i + (1 - y_i) \log(1 - p_i) \right) $$" "\n")
    _, diags, _ = _check(tmp_path, latex, RIGHT.replace("y_true, y_pred", "y, p").replace("y_true", "y")
                         .replace("y_pred", "p"), capsys)
    assert not any("drawn in" in d["message"] for d in diags)


def test_zero_times_an_undefined_value_stays_undefined() -> None:
    with np.errstate(invalid="ignore"):  # as the evaluator calls it
        out = _product(np.array([0.0, 0.0, 2.0]), np.array([-np.inf, np.nan, 3.0]))
    assert out[0] == 0.0 and np.isnan(out[1]) and out[2] == 6.0
