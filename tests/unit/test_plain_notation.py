"""Notation of notes written by people who type math plainly (issue 12), seen in a source no
corpus here quotes (a public ML glossary): each on a small equation written here."""

from __future__ import annotations

import sympy
from unit_support import lower
from unit_support import readings as _readings

from eq2code.equation.semantics import read_equation_file


def test_a_negative_factor_after_a_product_sign():
    eq = lower(r"g = 2 (y - m x) \cdot -x")
    x, y, m = sympy.symbols("x y m", real=True)
    assert sympy.simplify(eq.sympy - (-2 * x * (y - m * x))) == 0
    assert lower(r"z = a \times -b").sympy == -sympy.Symbol("a", real=True) * sympy.Symbol("b", real=True)


def test_unicode_super_and_subscripts_are_scripts():
    assert lower("y = a² + 2a").sympy == lower("y = a^{2} + 2a").sympy
    assert lower("z = x₁ + x₂").sympy_text == lower("z = x_{1} + x_{2}").sympy_text
    assert lower(r"w = (Xᵀ X)⁻¹ Xᵀ y" "\n\n" r"X \in \mathbb{R}^{n \times d}, y \in \mathbb{R}^{n}").sympy_text == \
        lower(r"w = (X^T X)^{-1} X^T y" "\n\n" r"X \in \mathbb{R}^{n \times d}, y \in \mathbb{R}^{n}").sympy_text


def test_a_sum_with_limits_but_no_index_runs_over_its_bodys_subscript_and_says_so():
    eq = lower(r"R = \lambda \sum_1^n w_i^{2}")
    assert eq.checkable and eq.sympy_text == lower(r"R = \lambda \sum_{i=1}^{n} w_i^{2}").sympy_text
    assert "read-bigop-implicit-index" in _readings(r"R = \lambda \sum_1^n w_i^{2}")


def test_a_capitalised_word_is_one_name_and_is_said_to_be():
    eq = lower(r"Loss = \frac{1}{N} \sum_{i=1}^{N} (y_i - p_i)^2")
    assert eq.kind == "definition" and eq.name == "Loss" and eq.checkable
    assert "read-word" in _readings(r"y = 2 Cost")


def test_a_word_applied_is_an_undefined_function_not_a_product_of_its_letters():
    f = read_equation_file("unit.tex", r"Loss = Error(Y - \hat{Y}) + \lambda \sum_{i=1}^{n} w_i^{2}")
    eq = f.equations[0]
    assert not eq.checkable and "Error" in eq.reason


def test_short_runs_of_letters_stay_products():
    eq = lower(r"y = Wx + b")
    assert eq.checkable and "W*x" in eq.sympy_text[0].replace(" ", "")


def test_a_normal_density_at_a_point_is_its_formula_with_the_variance_second():
    eq = lower(r"p(x) = \mathcal{N}(x \mid \mu, \sigma^2)")
    x, mu, sigma = sympy.symbols("x mu sigma", real=True)
    expected = sympy.exp(-(x - mu) ** 2 / (2 * sigma ** 2)) / sympy.sqrt(2 * sympy.pi * sigma ** 2)
    assert sympy.simplify(eq.sympy.subs(sigma, 2) - expected.subs(sigma, 2)) == 0
    assert next(s for s in eq.inputs if s.name == "sigma").space.kind == "positive"
    same = [lower(r"p(x) = \mathcal{N}(x; \mu, \sigma^2)"), lower(r"p(x) = \text{Norm}_{x}[\mu, \sigma^2]")]
    assert all(e.sympy_text == eq.sympy_text for e in same)
    assert "read-normal-density" in _readings(r"p(x) = \mathcal{N}(x \mid \mu, \sigma^2)")


def test_a_bernoulli_mass_draws_its_point_from_zero_and_one():
    eq = lower(r"P(z) = \prod_{k=1}^K \mathrm{Bernoulli}(z_k \mid p)")
    spaces = {s.name: s.space.kind for s in eq.inputs}
    assert spaces["z"] == "binary" and spaces["p"] == "interval"


def test_a_distribution_without_its_point_is_no_value():
    f = read_equation_file("unit.tex", r"w \sim \mathcal{N}(0, 1)")
    assert not any(e.checkable for e in f.equations)
    f = read_equation_file("unit.tex", r"q = \mathcal{N}(\mu, \sigma^2)")
    assert not f.equations[0].checkable


def test_a_file_whose_one_computation_has_no_left_side_defines_its_value_and_says_so():
    tex = r"\frac{1}{N}\sum_{i=1}^{N} (y_i - \hat{y}_i)^2"
    eq = lower(tex)
    assert eq.name == "value" and eq.checkable
    assert "read-bare-expression" in _readings(tex)


def test_an_expression_beside_a_definition_literals_and_ellipses_stay_no_value():
    for tex in (r"\vdots", r"[0.1, 0.2, 0.3]", r"\frac{3}{4}", r"x",
                "L = a + b\n\n" r"\frac{1}{N}\sum_{i=1}^{N} y_i",
                r"a + b" "\n\n" r"c + d"):
        f = read_equation_file("unit.tex", tex)
        assert not any(e.checkable and e.name == "value" for e in f.equations), tex


def test_a_space_after_a_value_is_where_it_lives_not_a_membership_statement():
    tex = r"a(\mathbf q, \mathbf k) = \mathbf{w}^\top \tanh(\mathbf{W}\mathbf q + \mathbf U \mathbf k) \in \mathbb{R}"
    eq = lower(tex)
    assert eq.kind == "definition" and eq.name == "a"
    assert "read-trailing-space" in _readings(tex)
    bare = r"\mathrm{softmax}\left(\frac{Q K^\top}{\sqrt{d}}\right) V \in \mathbb{R}^{n \times v}"
    assert lower(bare).checkable and "read-trailing-space" in _readings(bare)
    assert "dC_dY" in {i.name for i in lower("\\frac{dC}{dY} \\in \\mathbb{R}\n\n$$z = 2 \\frac{dC}{dY}$$").inputs}


def test_a_chain_whose_first_form_is_not_read_is_defined_by_the_first_form_that_is():
    tex = r"a = \mathrm{Foo}_{m}[x_m] = \frac{\exp(x_m)}{\sum_{j=1}^{N} \exp(x_j)}"
    eq = lower(tex)
    assert eq.checkable and "exp" in eq.sympy_text[0]
    assert "read-form-not-read" in _readings(tex)
    f = read_equation_file("unit.tex", r"a = \mathrm{Foo}(x) = \mathrm{Bar}(x)")
    assert not f.equations[0].checkable  # no form is read: not checked


def test_a_bracket_never_closed_is_closed_at_the_end_and_said_with_a_warning():
    f = read_equation_file("unit.tex", r"$$y = 2 (\max(0, x) + \min(0, 0.5 (e^{x} - 1))$$")
    assert f.main is not None and f.main.checkable
    assert [d.name for d in f.diagnostics if d.name == "unbalanced-bracket"] == ["unbalanced-bracket"]
    f = read_equation_file("unit.tex", "$$\\begin{aligned} y &= 2(a + b \\\\ z &= c \\end{aligned}$$")
    assert [d.name for d in f.diagnostics] == ["unbalanced-bracket"]  # a row of its own: closed at its end
    assert f.equations[0].sympy_text == ["2*a + 2*b"]
    f = read_equation_file("unit.tex", r"$$y = (a + b) + c)$$")
    assert any(d.name == "latex-syntax" for d in f.diagnostics)  # a ')' too many: still an error


def test_a_hadamard_product_of_an_array_with_itself_is_computed():
    """AdaGrad: SymPy writes 𝐠 ⊙ 𝐠 as a Hadamard power, which the plan computes entry by entry."""
    eq = lower(r"\mathbf{h} \leftarrow \mathbf{h} + \frac{\partial L}{\partial \mathbf{W}} \odot "
               r"\frac{\partial L}{\partial \mathbf{W}}")
    assert eq.checkable and any("pow" in str(p) for p in eq.plans)


def test_two_rows_without_a_relation_are_two_expressions_never_their_product():
    f = read_equation_file("unit.tex", "$$\\begin{gathered} 3(x^2)^2 \\\\ 3x^4 \\end{gathered}$$")
    assert not any(e.checkable for e in f.equations)  # two expressions: no single value
    eq = lower("$$\\begin{aligned} y &= a + b \\\\ c + d \\end{aligned}$$")  # a long right side, broken
    assert eq.checkable and eq.sympy_text[0].replace(" ", "") == "a+b*c+d"  # the product, said (below)


def test_a_dot_between_two_written_out_vectors_is_their_dot_product():
    eq = lower(r"y = \begin{bmatrix} a \\ b \end{bmatrix} \cdot \begin{bmatrix} 2 \\ 3 \end{bmatrix}")
    assert eq.output_shape in ((), (1, 1)) or eq.output_shape == (1,)


def test_a_line_break_between_two_terms_is_read_as_a_product_and_said():
    assert "read-line-break-product" in _readings("$$\\begin{aligned} y &= a + b \\\\ c + d \\end{aligned}$$")
    assert "read-line-break-product" not in _readings("$$\\begin{aligned} y &= a + b \\\\ &+ c \\end{aligned}$$")


def test_a_coefficient_letter_before_a_bracketed_sum_multiplies_it_and_says_so():
    tex = r"L = a + \lambda(u^\top u - 1)"
    eq = lower(tex + "\n\n" + r"u \in \mathbb{R}^{d}")
    assert eq.checkable and "lambda" in eq.sympy_text[0]
    assert "read-letter-times-bracket" in _readings(tex)
    f = read_equation_file("unit.tex", r"y = f(x - 1)")  # f is a function letter: applied
    assert not f.equations[0].checkable


def test_a_dot_with_a_space_on_each_side_is_a_product_and_said():
    eq = lower(r"z = W . a + b")
    assert eq.sympy_text == ["W*a + b"]
    assert "read-spaced-dot" in _readings(r"$$z = W . a + b$$")


def test_a_tight_dot_between_operands_stays_a_group_action():
    f = read_equation_file("unit.tex", "$$g.f = h$$")
    assert f.main is None
    assert "read-spaced-dot" not in _readings("$$g.f = h$$")
