"""Numbered names (issue 12): a letter written only with a number below it — `w_1 x_1 + w_2 x_2 + b`
(the perceptron of 『ゼロから作るDeep Learning』), `θ_0 + θ_1 x`, `\\hat R(θ_0)`, a prior's `α_0` —
names one number each. Read as entries of an array of free length, a correct `def f(x1, x2, w1,
w2, b)` had no argument to map, a correct `np.dot(w, x)` got vectors of two lengths, and a correct
`def R_hat(theta_0, y)` was handed a vector: every one a false error. Now each is an input of its
own, which code takes as separate arguments or packed into one vector; wrong code still fails.
And `w^0` beside `w` itself (`g(w^0) + g'(w^0)(w - w^0)`) is the value at step 0, not the power 1."""

from __future__ import annotations

import pytest
from check_helpers import check_verdict, passes_and_wrongs_fail

from eq2code.equation.semantics import read_equation_file

PERCEPTRON = r"y = w_1 x_1 + w_2 x_2 + b"
SCALARS = """def f(x1, x2, w1, w2, b):
    return w1 * x1 + w2 * x2 + b
"""
VECTORS = """import numpy as np

def f(x, w, b):
    return np.dot(w, x) + b
"""


def _inputs(tex: str) -> dict[str, tuple]:
    eq = read_equation_file("unit.tex", f"$${tex}$$\n").equations[0]
    return {s.name: tuple(s.shape) for s in eq.inputs}


def _readings(tex: str) -> list[str]:
    doc = read_equation_file("unit.tex", f"$${tex}$$\n")
    return [d.params["reading"].phrase for d in doc.diagnostics if d.name == "ambiguous-notation"]


def test_a_letter_written_only_with_numbers_names_separate_numbers_and_says_so():
    assert _inputs(PERCEPTRON) == {"w_1": (), "x_1": (), "w_2": (), "x_2": (), "b": ()}
    assert _readings(PERCEPTRON).count("read-numbered-names") == 2
    assert _inputs(r"\hat{R}(\theta_0) = \frac{1}{n}\sum_{i=1}^{n} |y_i - \theta_0|")["theta_0"] == ()
    assert "read-numbered-name" in _readings(r"z = \alpha_0 + s")


@pytest.mark.parametrize("tex, array", [
    (r"y = \theta_1 + \sum_{j=1}^{d} \theta_j x_j", "theta"),  # also written with an index: entries
    (r"f(x) = x_1^2 + x_2^2", "x"),  # also written alone: the argument's entries
    (r"y = \mathbf{w}_1 + \mathbf{w}_2", "w"),  # bold: vectors, not numbers' names (read as before)
])
def test_a_letter_also_written_otherwise_keeps_its_array(tex: str, array: str):
    inputs = _inputs(tex)
    assert len(inputs[array]) == 1 and not any(name.startswith(f"{array}_") for name in inputs)
    assert "read-numbered-names" not in _readings(tex) and "read-numbered-name" not in _readings(tex)


def test_a_declared_array_keeps_its_entries():
    doc = read_equation_file("unit.tex", "$$w \\in \\mathbb{R}^2$$\n$$y = w_1 x + w_2$$\n")
    eq = next(e for e in doc.equations if e.kind == "definition")
    assert {s.name: tuple(s.shape) for s in eq.inputs} == {"w": (2,), "x": ()}


def test_the_perceptron_with_separate_arguments_passes_and_wrong_ones_fail(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, PERCEPTRON, SCALARS, [
        SCALARS.replace("w2 * x2", "w1 * x2"),
        SCALARS.replace("+ b", "- b"),
    ])


def test_the_perceptron_with_one_vector_each_passes_and_wrong_ones_fail(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, PERCEPTRON, VECTORS, [
        VECTORS.replace("np.dot(w, x)", "np.sum(w) * np.sum(x)"),
        VECTORS.replace("+ b", "* b"),
    ])


def test_a_number_named_as_an_argument_is_handed_a_number(tmp_path, capsys):
    right = """import numpy as np

def R_hat(theta_0, y):
    return np.mean(np.abs(y - theta_0))
"""
    passes_and_wrongs_fail(tmp_path, capsys, r"\hat{R}(\theta_0) = \frac{1}{n}\sum^{n}_{i=1} |y_i - \theta_0|",
                           right, [right.replace("np.abs(y - theta_0)", "(y - theta_0) ** 2")])


def test_prior_counts_and_a_coefficient_vector(tmp_path, capsys):
    posterior = """def posterior(alpha_0, beta_0, s_t, f_t):
    return (alpha_0 + s_t) / (alpha_0 + beta_0 + s_t + f_t)
"""
    passes_and_wrongs_fail(tmp_path, capsys, r"p = \frac{\alpha_0 + s_t}{\alpha_0 + \beta_0 + s_t + f_t}",
                           posterior, [posterior.replace("alpha_0 + beta_0", "beta_0")])
    model = """def y_hat(theta, phi):
    return theta[0] + theta[1] * phi[0] + theta[2] * phi[1]
"""
    verdict, rc = check_verdict(tmp_path, r"\hat{y} = \theta_0 + \theta_1 \phi_1 + \theta_2 \phi_2", model, capsys)
    assert (verdict, rc) == ("pass", 0)


def test_a_zero_above_a_letter_written_alone_too_is_a_label(tmp_path, capsys):
    tex = r"h(w) = g(w^0) + \frac{\mathrm{d}}{\mathrm{d}w}g(w^0)(w - w^0)"
    assert _inputs(tex)["w_0"] == () and "read-zero-superscript-label" in _readings(tex)
    assert "read-zero-superscript-label" not in _readings(r"y = a x^0 + b x^1 + c x^2")  # a polynomial's powers
    assert "read-zero-superscript-label" not in _readings(r"y = x^0 + z")  # the letter not written alone
    right = """def h(w, w0, g, grad):
    return g + grad * (w - w0)
"""
    passes_and_wrongs_fail(tmp_path, capsys, tex, right, [right.replace("(w - w0)", "(w - 1)")])


INTERCEPT = r"y = \theta_0 + \sum_{j=1}^{d} \theta_j x_j"


def test_an_intercept_beside_a_sum_from_one_is_a_number_of_its_own():
    # read as entry 0 of θ numbered from 0, θ_0 had been the same entry as the sum's θ_1
    assert _inputs(INTERCEPT) == {"theta_0": (), "theta": ("d",), "x": ("d",), "d": ()}


@pytest.mark.parametrize("right", [
    "import numpy as np\n\ndef f(theta_0, theta, x):\n    return theta_0 + np.dot(theta, x)\n",
    "import numpy as np\n\ndef f(theta, x):\n    return theta[0] + np.dot(theta[1:], x)\n",  # θ_0 in front
])
def test_an_intercept_taken_apart_or_in_front_of_its_vector_passes(tmp_path, capsys, right: str):
    wrongs = [right.replace("+ np.dot", "- np.dot")]
    if "theta[1:]" in right:
        wrongs.append(right.replace("theta[1:]", "theta[:-1]"))  # the intercept taken as the first weight
    passes_and_wrongs_fail(tmp_path, capsys, INTERCEPT, right, wrongs)


def test_an_array_numbered_from_zero_counts_its_summed_entries_from_zero_too(tmp_path, capsys):
    # w_0 + x w_1 + Σ_{i=2}^m x^i w_i: w_i is entry i counted from 0 (m + 1 of them). Before, w_0 and w_1 were
    # shifted to the first two entries but the sum's w_2 was not: w_1 was used twice, w_m never
    tex = r"p(x) = w_0 + x w_1 + x^2 w_2 + \cdots + x^m w_m"
    assert _inputs(tex)["w"] == ("m+1",)
    right = "def p(x, w):\n    return sum(w[k] * x ** k for k in range(len(w)))\n"
    passes_and_wrongs_fail(tmp_path, capsys, tex, right, [right.replace("x ** k", "x ** (k + 1)")])


def test_an_intercept_before_an_ellipsis_is_one_too(tmp_path, capsys):
    tex = r"\hat{y}_n = \theta_0 + \theta_1 x_{n1} + \theta_2 x_{n2} + \cdots + \theta_p x_{np}"
    assert _inputs(tex)["theta_0"] == () and _inputs(tex)["theta"] == ("p",)
    right = "def y_hat(theta, x):\n    return theta[0] + x @ theta[1:]\n"
    passes_and_wrongs_fail(tmp_path, capsys, tex, right, [right.replace("theta[1:]", "theta[:-1]")])


def test_an_accented_letter_with_numbers_stays_a_vector():
    # \vec{e}_0, \vec{e}_1: vectors (the accent says so), never numbers named e_0, e_1
    tex = r"\vec{a} = c_0 \vec{e}_0 + c_1 \vec{e}_1 + c_2 \vec{e}_2"
    eq = read_equation_file("unit.tex", f"$${tex}$$\n").equations[0]
    assert eq.checkable and not any(s.name.startswith(("e_", "vec")) and not s.shape for s in eq.inputs)
