"""`X_{:,j}`, `X_{i,:}` of a declared matrix (issue 12): the whole column / row, a vector, said;
undeclared, or at an index nothing gives, a clear not-checkable reason."""

from __future__ import annotations

from unit_support import lower

from eq2code.equation.semantics import read_equation_file
from eq2code.findings.phrases import Phrase

DECL = "\n\n" r"X \in \mathbb{R}^{n \times d}"


def _reasons(tex: str) -> list[str]:
    f = read_equation_file("unit.tex", tex)
    assert f.main is None
    return [Phrase.of(d.params["reason"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
            if d.name == "not-checkable"]


def test_a_row_under_a_sum():
    eq = lower(r"m = \frac{1}{n} \sum_{i=1}^{n} X_{i,:}" + DECL)
    assert eq.output_shape == ("d",)


def test_a_column_at_a_number_and_at_the_left_sides_index():
    assert lower(r"v = X_{:,2}" + DECL).output_shape == ("n",)
    assert "[X[r1, j] for r1 in 1..n]" in lower(r"v_j = X_{:,j}" + DECL).sympy_text[0]


def test_the_reading_is_said():
    f = read_equation_file("unit.tex", r"v = X_{:,2}" + DECL)
    said = [Phrase.of(d.params["reading"]) for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert [p.phrase for p in said if p is not None] == ["read-axis-slice"]


def test_not_read_without_a_declaration_or_a_given_index():
    assert _reasons(r"v = X_{:,j}") == ["eq-slice-undeclared"]
    assert _reasons(r"v = X_{:,j}" + DECL) == ["eq-slice-free-index"]
