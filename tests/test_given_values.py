"""A function the file does not define, applied to inputs inside an equation that computes more
with it (issue 12): its values are an input, said as a reading — correct code that takes the
model's outputs passes, wrong code fails. `σ'(x)` of a standard function is its derivative.
What computes nothing beyond the value, or states an identity about the function, stays not
checkable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eq2code.cli.main import main
from eq2code.equation.lowering import english
from eq2code.equation.semantics import read_equation_file

BCE = (r"L[\boldsymbol\phi] = \sum_{i=1}^{I}-(1-y_{i})\log\Bigl[1-\mbox{sig}[\mbox{f}[\mathbf{x}_i,\boldsymbol\phi]]"
       r"\Bigr] - y_{i}\log\Bigl[\mbox{sig}[\mbox{f}[\mathbf{x}_i,\boldsymbol\phi]]\Bigr].")
CONTRASTIVE = (r"L_{contrastive}(x_0, x_1, y) = \frac{1}{2} y \lVert f(x_0)-f(x_1)\rVert_2^2 + "
               r"\frac{1}{2}(1-y)\{max(0, m-\lVert f(x_0)-f(x_1)\rVert_2)\}^2")
SIGMA_PRIME = r"\sigma'(x) = \sigma(x)(1-\sigma(x))"

BCE_RIGHT = """import numpy as np

def bce(y, logits):
    p = 1 / (1 + np.exp(-logits))
    return np.sum(-(1 - y) * np.log(1 - p) - y * np.log(p))
"""
BCE_MEAN = BCE_RIGHT.replace("np.sum(", "np.mean(")
BCE_NO_SIGMOID = BCE_RIGHT.replace("1 / (1 + np.exp(-logits))", "np.clip(logits, 1e-6, 1 - 1e-6)")
CONTRASTIVE_RIGHT = """import numpy as np

def contrastive_loss(emb0, emb1, y, m):
    d = np.linalg.norm(emb0 - emb1)
    return 0.5 * y * d ** 2 + 0.5 * (1 - y) * max(0.0, m - d) ** 2
"""
CONTRASTIVE_NAMED = CONTRASTIVE_RIGHT.replace("emb0", "f_x0").replace("emb1", "f_x1")
CONTRASTIVE_HINGE_SQUARED = CONTRASTIVE_RIGHT.replace("max(0.0, m - d)", "max(0.0, m - d ** 2)")
CONTRASTIVE_SWAPPED = CONTRASTIVE_RIGHT.replace("0.5 * y * d", "0.5 * (1 - y) * d").replace(
    "0.5 * (1 - y) * max", "0.5 * y * max")
SIGMA_PRIME_RIGHT = """import numpy as np

def sigmoid_grad(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)
"""
SIGMA_PRIME_WRONG = SIGMA_PRIME_RIGHT.replace("s * (1 - s)", "s * (1 + s)")


def _check(tmp_path: Path, latex: str, code: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, set[str], int]:
    tex, py = tmp_path / "eq.tex", tmp_path / "impl.py"
    tex.write_text(f"$$\n{latex}\n$$\n", encoding="utf-8")
    py.write_text(code, encoding="utf-8")
    rc = main(["check", str(tex), str(py), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    errors = {d["data"]["name"] for d in doc["diagnostics"] if d["severity"] == 1}
    return doc["checks"][0]["verdict"], errors, rc


@pytest.mark.parametrize(("latex", "code"), [(BCE, BCE_RIGHT), (CONTRASTIVE, CONTRASTIVE_RIGHT),
                                             (CONTRASTIVE, CONTRASTIVE_NAMED), (SIGMA_PRIME, SIGMA_PRIME_RIGHT)],
                         ids=["bce-logits", "contrastive-emb", "contrastive-f_x0", "sigma-prime"])
def test_correct_code_passes(tmp_path, capsys, latex, code):
    verdict, errors, rc = _check(tmp_path, latex, code, capsys)
    assert (verdict, errors, rc) == ("pass", set(), 0)


@pytest.mark.parametrize(("latex", "code"), [(BCE, BCE_MEAN), (BCE, BCE_NO_SIGMOID),
                                             (CONTRASTIVE, CONTRASTIVE_HINGE_SQUARED),
                                             (CONTRASTIVE, CONTRASTIVE_SWAPPED), (SIGMA_PRIME, SIGMA_PRIME_WRONG)],
                         ids=["bce-mean", "bce-no-sigmoid", "contrastive-hinge-squared", "contrastive-swapped",
                              "sigma-prime-sign"])
def test_wrong_code_fails(tmp_path, capsys, latex, code):
    verdict, errors, rc = _check(tmp_path, latex, code, capsys)
    assert verdict == "fail" and errors and rc == 1


def test_the_reading_is_said_and_the_symbol_has_its_role():
    f = read_equation_file("eq.tex", f"$$\n{BCE}\n$$\n")
    assert f.main is not None and f.main.checkable
    readings = [english(d.params["reading"]) for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert any("f is not defined here: its values f(x_{i}, \\phi) are taken as the input f" in r for r in readings)
    spec = next(s for s in f.main.inputs if s.name == "f")
    assert spec.values_of == "f" and spec.shape == ("I",)
    assert "logits" in spec.aliases and "y_pred" in spec.aliases


def test_two_points_are_two_inputs_in_the_place_of_the_points():
    f = read_equation_file("eq.tex", f"$$\n{CONTRASTIVE}\n$$\n")
    assert f.main is not None
    assert [(s.name, len(s.shape)) for s in f.main.inputs if s.role != "size"] == [
        ("f_x0", 1), ("f_x1", 1), ("y", 0), ("m", 0)]


@pytest.mark.parametrize("latex", [
    r"\hat s_{t+1} = g(s_t, a_t, z_t)",  # the value only: nothing computed
    r"\phi'(x)=\phi(x)(1-\phi(x))",  # an identity about an undefined φ
    r"f(\mathbf{z}) = \mathbf{z} + \mathbf{u} h(\mathbf{w}^\top \mathbf{z} + b)",  # h at a computed point
    r"y_t = \text{LayerNorm}(h_t) \cdot W_o + b_o",  # a word: an operator whose definition is missing
    r"L = -\sum_{i=1}^{n} \log p(x_i) + \lambda",  # a density
])
def test_what_is_not_read_as_given_values(latex):
    f = read_equation_file("eq.tex", f"$$\n{latex}\n$$\n")
    assert f.main is None or not f.main.checkable or not any(s.values_of for s in f.main.inputs)
    assert not any(d.name == "ambiguous-notation" and d.params["reading"].phrase == "read-function-values"
                   for d in f.diagnostics)


def test_a_sum_from_zero_indexes_arrays_from_their_first_entry(tmp_path, capsys):
    code = "import numpy as np\n\ndef sse(y, y_pred):\n    return np.sum((y - y_pred) ** 2)\n"
    verdict, errors, rc = _check(tmp_path, r"L(a, b) = \sum_{i=0}^{n-1} (y_i - f(x_i))^2", code, capsys)
    assert (verdict, errors, rc) == ("pass", set(), 0)


def test_sigma_prime_is_said_to_be_the_derivative():
    f = read_equation_file("eq.tex", f"$$\n{SIGMA_PRIME}\n$$\n")
    assert f.main is not None and f.main.checkable
    assert any(d.params.get("reading") is not None and d.params["reading"].phrase == "read-prime-derivative"
               for d in f.diagnostics)


def test_a_sum_from_zero_takes_rows_from_the_first(tmp_path, capsys):
    latex = r"X \in \mathbb{R}^{N \times d}, \mathbf{w} \in \mathbb{R}^{d}" "\n$$\n$$\n" \
        r"L = \sum_{n=0}^{N-1} (\mathbf{w}^\top \mathbf{x}_n)^2"
    code = "import numpy as np\n\ndef loss(X, w):\n    return np.sum((X @ w) ** 2)\n"
    verdict, errors, rc = _check(tmp_path, latex, code, capsys)
    assert (verdict, errors, rc) == ("pass", set(), 0)
    wrong = code.replace("np.sum((X @ w) ** 2)", "np.sum((X[1:] @ w) ** 2)")
    verdict, errors, rc = _check(tmp_path, latex, wrong, capsys)
    assert verdict == "fail" and rc == 1


def test_a_labelled_function_of_the_left_sides_arguments_is_an_input(tmp_path, capsys):
    """J(θ) = J^{old}(θ) + …: J^{old} applied (its value given), never J to the power o·l·d times θ."""
    latex = r"J(\theta) = J^{old}(\theta) + \lambda \theta^2"
    f = read_equation_file("eq.tex", f"$$\n{latex}\n$$\n")
    assert f.main is not None and f.main.sympy_text[0] == "J_old + lambda*theta**2"
    code = "def J(theta, J_old, lam):\n    return J_old + lam * theta ** 2\n"
    assert _check(tmp_path, latex, code, capsys) == ("pass", set(), 0)
    verdict, _errors, rc = _check(tmp_path, latex, code.replace("J_old +", "J_old * theta +"), capsys)
    assert verdict == "fail" and rc == 1
