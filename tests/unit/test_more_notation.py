"""\\det (issue 12): the determinant of a square matrix; of anything else a clear reason. And
⌊x⌋, ⌈x⌉: floor and ceiling; n!, \\binom{n}{k} of written numbers (of inputs: a reason)."""

from __future__ import annotations

from unit_support import lower

from eq2code.equation.semantics import read_equation_file
from eq2code.findings.phrases import Phrase
from eq2code.reference.evaluate import evaluate


def test_the_determinant_of_a_declared_square_matrix():
    eq = lower(r"y = \det(A)" "\n\n" r"A \in \mathbb{R}^{n \times n}")
    assert eq.sympy_text == ["Determinant(A)"] and eq.output_shape == ()


def test_its_value():
    import numpy as np

    eq = lower(r"y = \log \det(\Sigma)" "\n\n" r"\Sigma \in \mathbb{S}_{++}^{d}")
    sigma = np.array([[2.0, 0.5], [0.5, 1.0]])
    value = evaluate(eq, {"Sigma": sigma}, {"d": 2})
    assert abs(float(value) - np.log(1.75)) < 1e-9


def test_a_rectangular_or_undeclared_matrix_is_not_read():
    for tex in (r"y = \det A", r"y = \det(A)" "\n\n" r"A \in \mathbb{R}^{n \times m}"):
        f = read_equation_file("unit.tex", tex)
        assert f.main is None, tex
    f = read_equation_file("unit.tex", r"y = \det A")
    reasons = [Phrase.of(d.params["reason"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
               if d.name == "not-checkable"]
    assert reasons == ["eq-det-not-matrix"]


def test_floor_and_ceiling_brackets_are_the_functions():
    assert lower(r"y = \lfloor x \rfloor").sympy_text == ["floor(x)"]
    assert lower(r"y = \left\lceil \frac{n}{2} \right\rceil").sympy_text == ["ceiling(n/2)"]


def test_factorial_and_binomial_of_written_numbers_are_worked_examples():
    f = read_equation_file("unit.tex", r"$$\binom{4}{2} = 6, \quad 5! = 120$$")
    assert all(e.kind == "example" and e.checkable for e in f.equations)
    assert not [d for d in f.diagnostics if d.name == "worked-example-mismatch"]
    f = read_equation_file("unit.tex", r"$$y = 5! = 121$$")
    assert [d.name for d in f.diagnostics if d.name == "worked-example-mismatch"] == ["worked-example-mismatch"]


def test_factorial_and_binomial_of_inputs_are_not_read_with_a_reason():
    for tex in (r"y = n!", r"y = \binom{n}{k}", r"y = (n + 1)!"):
        f = read_equation_file("unit.tex", tex)
        assert f.main is None
        reasons = [Phrase.of(d.params["reason"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
                   if d.name == "not-checkable"]
        assert reasons == ["eq-counting-of-input"], tex
