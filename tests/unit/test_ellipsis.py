"""Ellipsis patterns (issue 12): `w_1 x_1 + \\cdots + w_d x_d + b`, `x_1 x_2 \\cdots x_n`,
`(s_1, \\ldots, s_m)` read as the sum, product or vector they abbreviate, said; written terms that
do not fit the pattern, or no pattern at all, keep the ellipsis unread. And a primed symbol that
a definition names (`g_t' = …`, `h' = …`) is that quantity."""

from __future__ import annotations

import numpy as np
import sympy
from unit_support import lower, readings, value

from eq2code.equation.lowering import english
from eq2code.equation.semantics import read_equation_file
from eq2code.findings.phrases import Phrase
from eq2code.reference.evaluate import evaluate


def _file(tex: str):
    return read_equation_file("unit.tex", tex)


def _readings(f) -> list[str]:
    return [Phrase.of(d.params["reading"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
            if d.name == "ambiguous-notation"]


def _shape(eq, name):
    return next(s.shape for s in eq.inputs if s.name == name)


def _value(eq, **arrays):
    """The equation's value at the given arrays (1-based entries, sizes from the arrays)."""
    expr = eq.sympy
    subs = {}
    for name, values in arrays.items():
        if isinstance(values, list):
            base = sympy.IndexedBase(name)
            expr = expr.subs(sympy.Symbol(_size(eq, name), integer=True, positive=True), len(values))
            subs.update({base[k + 1]: v for k, v in enumerate(values)})
        else:
            subs[sympy.Symbol(name, real=True)] = values
    return float(expr.doit().subs(subs).xreplace(subs))


def _size(eq, name):
    return _shape(eq, name)[0]


def test_a_weighted_sum_with_a_bias_outside_the_pattern():
    eq = lower(r"\hat{y} = w_1 x_1 + \cdots + w_d x_d + b")
    assert _shape(eq, "w") == ("d",) and _shape(eq, "x") == ("d",) and _shape(eq, "b") == ()
    assert "Sum(w[i]*x[i], (i, 1, d))" in eq.sympy_text[0] and "b" in eq.sympy_text[0]


def test_each_ellipsis_command_and_the_unicode_one():
    for dots in (r"\cdots", r"\dots", r"\ldots", "…"):
        eq = lower(rf"s = x_1 + {dots} + x_N")
        assert eq.sympy_text == ["Sum(x[i], (i, 1, N))"], dots
        assert _shape(eq, "x") == ("N",)


def test_written_middle_terms_fit_the_pattern():
    eq = lower(r"s = a_1 b_1 + a_2 b_2 + \cdots + a_n b_n")
    assert eq.sympy_text == ["Sum(a[i]*b[i], (i, 1, n))"]


def test_the_reading_is_said_with_the_pattern():
    f = _file(r"$$\hat{y} = w_1 x_1 + \cdots + w_d x_d + b$$")
    said = [d for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert len(said) == 1
    text = english(said[0].params["reading"])
    assert "w_i x_i" in text and "i = 1 … d" in text
    assert said[0].params["construct"] == r"w_1 x_1 + \cdots + w_d x_d"


def test_a_product_of_factors():
    eq = lower(r"p = x_1 x_2 \cdots x_n")
    assert eq.sympy_text == ["Product(x[i], (i, 1, n))"]
    assert "read-ellipsis-prod" in _readings(_file(r"$$p = x_1 x_2 \cdots x_n$$"))


def test_a_bracketed_pattern_and_its_value():
    eq = lower(r"v = (x_1 - \mu)^2 + \cdots + (x_n - \mu)^2")
    assert _shape(eq, "x") == ("n",)
    assert abs(_value(eq, x=[1.0, 2.0, 4.0], mu=2.0) - (1 + 0 + 4)) < 1e-12


def test_numbered_from_zero():
    eq = lower(r"s = x_0 + x_1 + \cdots + x_{n-1}")
    assert _shape(eq, "x") == ("n",)
    assert abs(_value(eq, x=[1.0, 2.0, 4.0]) - 7.0) < 1e-12


def test_leading_terms_outside_the_pattern():
    eq = lower(r"s = 1 + x + x^2 + \cdots + x^n")
    assert "Sum(x**i, (i, 2, n))" in eq.sympy_text[0]


def test_the_index_letter_is_new_to_the_file():
    eq = lower(r"s = w_1 x_{1} + \cdots + w_d x_{d} + \sum_{i=1}^{d} x_i")
    assert "Sum(w[j]*x[j], (j, 1, d))" in eq.sympy_text[0]


def test_a_vector_of_entries():
    eq = lower(r"y = \mathrm{softmax}((z_1, \ldots, z_K))")
    assert _shape(eq, "z") == ("K",) and eq.output_shape == ("K",)
    eq = lower(r"v = (a_1 + b_1, \ldots, a_n + b_n)")
    assert eq.output_shape == ("n",)


def test_a_vector_listing_the_defined_symbol_is_no_computation():
    f = _file(r"$$\mathbf{x} = (x_1, \ldots, x_n)$$")
    assert f.main is None


def test_a_term_that_does_not_fit_keeps_the_ellipsis_unread_with_a_reason():
    f = _file(r"$$s = x_1 + x_3 + \cdots + x_n$$")
    assert f.main is None
    reasons = [d.params["reason"] for d in f.diagnostics if d.name == "not-checkable"]
    assert [Phrase.of(r).phrase for r in reasons] == ["eq-notation-ellipsis"]  # type: ignore[union-attr]


def test_no_pattern_keeps_todays_reason():
    for tex in (r"s = x_1 + x_2 + \cdots", r"s = a + \cdots + b", r"s = x_1 y_2 + \cdots + x_{n-1} y_n",
                r"s = 2 + 4 + \cdots + 2n", r"s = x_1 - x_2 + \cdots + x_n", r"P = A_1 A_2 \cdots A_L"):
        f = _file(f"$${tex}$$")
        assert f.main is None, tex
        reasons = [Phrase.of(d.params["reason"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
                   if d.name == "not-checkable"]
        assert reasons == ["eq-ellipsis"], (tex, reasons)


def test_a_set_of_indices_is_untouched():
    eq = lower(r"L = \sum_{c \in \{1, \ldots, C\}} y_c" "\n\n" r"y \in \mathbb{R}^{C}")
    assert eq.sympy_text == ["Sum(y[c], (c, 1, C))"]


def test_a_minus_sign_without_an_ellipsis_is_kept():
    eq = lower(r"s = -x")
    assert eq.sympy_text == ["-x"]


# -- primed names ----------------------------------------------------------------------------
def test_a_primed_subscripted_symbol_on_the_left_names_a_quantity():
    f = _file(r"$$\mathbf{g}_t' = \frac{\eta \hat{\mathbf{v}}_t}{\sqrt{\hat{\mathbf{s}}_t} + \epsilon}$$")
    assert f.main is not None
    assert "read-primed-name" in _readings(f)


def test_a_primed_symbol_the_file_defines_is_that_quantity_on_the_right():
    f = _file("$$h' = a + b$$\n\n$$y = 2 h'$$")
    y = next(e for e in f.equations if e.name == "y")
    assert y.checkable and y.sympy_text == ["2*a + 2*b"]


def test_a_primed_symbol_the_file_does_not_define_keeps_its_reading():
    f = _file("$$y = 2 h'$$")
    assert f.main is None
    eq = lower(r"y = \sigma'(x)")
    assert eq.sympy_text == ["(1 - sigmoid(x))*sigmoid(x)"]


# -- listings and grids in matrices (D29b) ---------------------------------------------------
def test_a_row_of_entries_with_an_ellipsis_is_the_vector_of_its_pattern():
    eq = lower(r"v = \begin{bmatrix} u_1 + 1 & u_2 + 1 & \cdots & u_n + 1 \end{bmatrix}")
    assert eq.output_shape == ("n",)
    assert value(eq, u=np.array([1.0, 2.0, 5.0])).tolist() == [2.0, 3.0, 6.0]
    said = readings(r"$$v = \begin{bmatrix} u_1 + 1 & u_2 + 1 & \cdots & u_n + 1 \end{bmatrix}$$")
    assert "read-ellipsis-entries" in said


def test_a_column_with_vdots_and_a_comma_list_in_one_cell():
    eq = lower(r"v = \begin{pmatrix} 2 a_1 \\ 2 a_2 \\ \vdots \\ 2 a_m \end{pmatrix}")
    assert value(eq, a=np.array([1.0, 3.0])).tolist() == [2.0, 6.0]
    eq = lower(r"g(\mathbf{t}) = \begin{bmatrix} \frac{t_0}{\sum_{k=0}^{K-1} t_k},\, \frac{t_1}{\sum_{k=0}^{K-1} t_k},"
               r"\, ..., \frac{t_{K-1}}{\sum_{k=0}^{K-1} t_k} \end{bmatrix}")
    assert value(eq, t=np.array([1.0, 3.0])).tolist() == [0.25, 0.75]


def test_a_listing_of_the_defined_symbols_entries_stays_notation():
    for tex in (r"\mathbf{b} = \begin{bmatrix} b_1 \\ b_2 \\ \vdots \\ b_n \end{bmatrix}",
                r"\mathbf{X} = \begin{bmatrix} x_{11} & \cdots & x_{1N} \\ \vdots & \ddots & \vdots \\ "
                r"x_{P1} & \cdots & x_{PN} \end{bmatrix}"):
        assert _file(f"$${tex}$$").main is None, tex


def test_a_grid_with_cdots_vdots_and_ddots_is_the_matrix_of_its_pattern():
    tex = (r"B = \begin{bmatrix} 3 a_{11} & 3 a_{12} & \cdots & 3 a_{1N} \\ 3 a_{21} & 3 a_{22} & \cdots & 3 a_{2N} \\ "
           r"\vdots & \vdots & \ddots & \vdots \\ 3 a_{M1} & 3 a_{M2} & \cdots & 3 a_{MN} \end{bmatrix}")
    eq = lower(tex)
    assert eq.output_shape == ("M", "N")
    a = np.arange(6.0).reshape(2, 3)
    assert value(eq, a=a).tolist() == (3 * a).tolist()
    f = _file(f"$${tex}$$")
    said = [d for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert [Phrase.of(d.params["reading"]).phrase for d in said] == ["read-ellipsis-matrix"]  # type: ignore[union-attr]
    assert "3 a_{ij}" in english(said[0].params["reading"])


def test_a_grid_whose_written_entry_breaks_the_pattern_is_not_read():
    tex = (r"B = \begin{bmatrix} a_{11} & \cdots & a_{1N} \\ a_{21} & \cdots & a_{3N} \\ \vdots & \ddots & \vdots \\ "
           r"a_{M1} & \cdots & a_{MN} \end{bmatrix}")
    assert _file(f"$${tex}$$").main is None


def test_an_identity_whose_sides_disagree_in_shape_is_not_checked():
    f = _file(r"$$\mathbf{x}^T \mathbf{W} = \begin{bmatrix} \mathbf{x}^T \mathbf{w}_1 & \cdots & "
              r"\mathbf{x}^T \mathbf{w}_C \end{bmatrix}$$")
    reasons = [Phrase.of(d.params["reason"]).phrase for d in f.diagnostics  # type: ignore[union-attr]
               if d.name == "not-checkable"]
    assert reasons == ["eq-identity-listing-shape"]


def test_a_descending_polynomial_down_to_its_constant():
    eq = lower(r"y = c_n t^n + c_{n-1} t^{n-1} + \cdots + c_1 t + c_0")
    assert _shape(eq, "c") == ("n+1",)
    got = evaluate(eq, {"c": np.array([1.0, 2.0, 3.0]), "t": np.array(2.0)}, {"n": 2})
    assert float(got) == 1 + 4 + 12
    said = readings(r"$$y = c_n t^n + c_{n-1} t^{n-1} + \cdots + c_1 t + c_0$$")
    assert said.count("read-ellipsis-sum") == 1


def test_a_descending_run_that_skips_a_step_is_not_read():
    for tex in (r"y = c_n t^n + c_{n-2} t^{n-2} + \cdots + c_1 t + c_0", r"y = c_n t^n + \cdots + c_2 t^2 + c_0 t"):
        assert _file(f"$${tex}$$").main is None, tex


def test_a_sum_from_zero_to_a_letter_has_one_more_entry():
    eq = lower(r"y = \sum_{i=0}^{p} a_i x^i")
    assert _shape(eq, "a") == ("p+1",)


def test_a_symbol_named_by_its_own_entries_is_a_declaration_other_equations_use():
    f = _file("$$\\mathbf{w} = \\begin{bmatrix} w_0 \\\\ w_1 \\\\ \\vdots \\\\ w_{N-1} \\end{bmatrix}$$\n\n"
              "$$y = \\mathbf{w}^T \\mathbf{x}$$")
    assert [e.kind for e in f.equations] == ["declaration", "definition"]
    assert f.main is not None and _shape(f.main, "w") == ("N",) and _shape(f.main, "x") == ("N",)
    assert "read-listing-declaration" in _readings(f)
    f = _file("$$\\mathbf{X} = \\begin{bmatrix} x_{11} & \\cdots & x_{1N} \\\\ \\vdots & \\ddots & \\vdots \\\\ "
              "x_{P1} & \\cdots & x_{PN} \\end{bmatrix}$$\n\n$$\\mathbf{y} = \\mathbf{X} \\mathbf{v}$$")
    assert f.main is not None and _shape(f.main, "X") == ("P", "N")


def test_a_listing_counted_to_its_last_letter_from_zero_declares_nothing():
    f = _file("$$\\theta = \\begin{bmatrix} \\theta_0 \\\\ \\vdots \\\\ \\theta_p \\end{bmatrix}$$")
    assert f.main is None and "read-listing-declaration" not in _readings(f)


def test_two_digit_subscripts_against_a_letter_are_row_and_column():
    eq = lower(r"s = b_1 u_{31} + b_2 u_{32} + \cdots + b_q u_{3q}")
    assert "u[3, i]" in eq.sympy_text[0]
    assert _shape(eq, "u")[1] == "q"


def test_an_accented_symbol_listing_its_letters_entries_is_a_declaration():
    f = _file(r"$$\vec{v} = \begin{bmatrix} v_1 \\ v_2 \\ \vdots \\ v_n \end{bmatrix}$$")
    assert f.main is None and [e.kind for e in f.equations] == ["declaration"]
