"""Notation of Japanese ML and math-for-ML notes (issue 12), seen in public sources no corpus here
quotes (Zenn articles, study-group notebooks on 『ゼロから作るDeep Learning』): each on a small
equation written here."""

from __future__ import annotations

import sympy
from unit_support import lower
from unit_support import readings as _readings

from eq2code.equation.semantics import read_equation_file


def test_equiv_after_a_name_defines_it_and_says_so():
    tex = r"E \equiv \sum_{i=1}^{N} (y_i - a x_i)^2"
    eq = lower(tex)
    assert eq.kind == "definition" and eq.name == "E" and eq.checkable
    assert eq.sympy_text == lower(r"E = \sum_{i=1}^{N} (y_i - a x_i)^2").sympy_text
    assert "read-equiv-definition" in _readings(tex)


def test_equiv_chain_defines_the_name_and_claims_the_rest():
    tex = ("$$\\begin{aligned} E &\\equiv \\sum_{i=1}^{N} (y_i - a x_i)^2 \\\\ "
           "&= a^2 \\sum_{i=1}^{N} x_i^2 - 2a \\sum_{i=1}^{N} x_i y_i + \\sum_{i=1}^{N} y_i^2 \\end{aligned}$$")
    f = read_equation_file("unit.tex", tex)
    main = [e for e in f.equations if e.checkable]
    assert main and main[0].name == "E"


def test_equiv_with_the_name_on_the_right_names_the_expression():
    eq = lower(r"\exp(b_a) \equiv w_a")
    assert eq.kind == "definition" and eq.checkable and "exp" in eq.sympy_text[0]


def test_equiv_stays_a_statement_when_it_is_an_identity():
    f = read_equation_file("unit.tex", r"a + b \equiv b + a")
    assert not f.equations[0].checkable
    f = read_equation_file("unit.tex", r"x \equiv x + 0")  # the name on both sides: not a definition
    assert not f.equations[0].checkable


def test_the_defined_functions_parameter_before_a_bracket_multiplies_it():
    tex = r"P(p) = 4p(1-p)^3"
    eq = lower(tex)
    p = sympy.Symbol("p", real=True)
    assert eq.checkable and sympy.simplify(eq.sympy - 4 * p * (1 - p) ** 3) == 0
    assert "read-letter-times-bracket" in _readings(tex)


def test_a_sum_with_an_index_and_an_upper_limit_runs_from_one_to_it_and_says_so():
    tex = r"E = \sum_i^N (y_i - a x_i)^2"
    eq = lower(tex)
    assert eq.sympy_text == lower(r"E = \sum_{i=1}^{N} (y_i - a x_i)^2").sympy_text  # N, not a fresh size
    assert "read-bigop-upper-only" in _readings(tex)


def test_a_sum_over_listed_values_runs_over_them_and_says_so():
    tex = r"Z = \sum_{v}^{0,1} \exp(v b)"
    eq = lower(tex)
    b = sympy.Symbol("b", real=True)
    assert eq.checkable and sympy.simplify(eq.sympy.doit() - (1 + sympy.exp(b))) == 0
    assert "read-bigop-listed-values" in _readings(tex)
    f = read_equation_file("unit.tex", r"Z = \sum_{v}^{0,2} \exp(v b)")  # not a run of values: not read
    assert not f.equations or not f.equations[0].checkable


def test_unbraced_and_repeated_prime_commands_are_primes():
    assert lower(r"y = \sigma^\prime(x)").sympy_text == lower(r"y = \sigma'(x)").sympy_text
    assert lower(r"y = \sigma^{\prime\prime}(x)").sympy_text == lower(r"y = \sigma''(x)").sympy_text


def test_a_second_derivative_of_an_undefined_function_is_not_its_given_gradient():
    f = read_equation_file("unit.tex", r"y = f'(x) + f''(x)")  # f'' had been read as f' (the gradient) silently
    eq = f.equations[0]  # D21: f'' is its own given input, said
    assert {s.name for s in eq.inputs} >= {"grad", "d2"} and "grad" in eq.sympy_text[0] and "d2" in eq.sympy_text[0]
    assert any(getattr(d.params.get("reading"), "phrase", "") == "read-given-second-derivative" for d in f.diagnostics)


def test_angle_brackets_around_one_expression_are_an_average_not_the_expression():
    f = read_equation_file("unit.tex", r"m = \langle x \rangle")
    assert not f.equations[0].checkable and "average" in str(f.equations[0].reason)  # had been read as m = x
    f = read_equation_file("unit.tex", r"\left<\hat{X}\hat{Y}\right> = \left<\hat{X}\right>\left<\hat{Y}\right>")
    assert f.equations and not f.equations[0].checkable  # \left< … \right> parses as ⟨…⟩


def test_left_angle_brackets_around_two_vectors_are_their_inner_product():
    eq = lower("$$s = \\left< u, v \\right>$$\n\n$$u \\in \\mathbb{R}^{n}, v \\in \\mathbb{R}^{n}$$")
    assert eq.checkable and eq.sympy_text == lower(
        "$$s = \\langle u, v \\rangle$$\n\n$$u \\in \\mathbb{R}^{n}, v \\in \\mathbb{R}^{n}$$").sympy_text


def test_a_probability_of_valued_events_is_one_named_value_and_said():
    tex = r"P(v_a=1, h_c=0) = \frac{\exp(b_a)}{1 + \exp(b_a)}"
    eq = lower(tex)
    assert eq.checkable and eq.name == "P" and "exp" in eq.sympy_text[0]
    assert "read-event-probability" in _readings(tex)


def test_a_sum_over_consecutive_listed_values_runs_over_them():
    expected = lower(r"Z = \sum_{x=0}^{1} \exp(x b)").sympy_text
    assert lower(r"Z = \sum_{x=0,1} \exp(x b)").sympy_text == expected
    assert lower(r"Z = \sum_{x \in \{0, 1\}} \exp(x b)").sympy_text == expected
    f = read_equation_file("unit.tex", r"Z = \sum_{x \in \{0, 2\}} \exp(x b)")  # not consecutive: not read
    assert not f.equations[0].checkable


def test_a_t_on_the_left_shoulder_is_the_transpose_and_said():
    decl = "\n\n$$A \\in \\mathbb{R}^{n \\times m}, x \\in \\mathbb{R}^{n}$$"
    expected = lower("$$y = A^\\top x$$" + decl).sympy_text
    assert lower("$$y = {}^t\\!A x$$" + decl).sympy_text == expected
    assert lower("$$y = {}^{T} A x$$" + decl).sympy_text == expected
    assert "read-prefix-transpose" in _readings("$$y = {}^t A x$$" + decl)


def test_a_circled_number_at_the_start_or_end_of_a_row_is_its_label():
    assert lower("$$①\\qquad y = 2x$$").sympy_text == lower("$$y = 2x$$").sympy_text
    assert lower("$$y = 2x ②$$").sympy_text == lower("$$y = 2x$$").sympy_text
    f = read_equation_file("unit.tex", "$$y = 2 ① x$$")  # inside a row: not a label
    assert any(d.name == "latex-syntax" for d in f.diagnostics)


def test_triangledown_is_the_nabla_japanese_notes_type():
    assert lower(r"w \leftarrow w - \eta \triangledown f(w)").sympy_text == \
        lower(r"w \leftarrow w - \eta \nabla f(w)").sympy_text


def test_a_derivative_operator_before_a_bracket_differentiates_the_bracket():
    eq = lower(r"\frac{d}{dx}(x^2 + 3x) = 2x + 3")
    x = sympy.Symbol("x", real=True)
    assert eq.checkable and sympy.simplify(eq.sympy - (2 * x + 3)) == 0


def test_a_derivative_operator_differentiates_the_whole_term_after_it_and_says_so():
    tex = r"\frac{\partial}{\partial w}(y - wx)^2 = -2x(y - wx)"
    eq = lower(tex)
    x, y, w = sympy.symbols("x y w", real=True)
    assert eq.checkable and sympy.simplify(eq.sympy - (-2 * x * (y - w * x))) == 0  # not (d/dw(y − wx))^2
    assert "read-derivative-extent" in _readings(tex)
    eq = lower(r"y = \frac{d}{dx}(x+1)(x+2)")
    assert sympy.simplify(eq.sympy - (2 * x + 3)) == 0  # not d/dx(x + 1) times (x + 2)


def test_a_derivative_of_a_quantity_the_file_defines_is_the_value_of_its_formula_and_said():
    """D20: ∂L/∂u = (u − p) + 2λu is what code computing that derivative returns (said: the formula
    is not compared with the derivative of the file's own L)."""
    f = read_equation_file("unit.tex", "$$L = \\frac{1}{2}(u-p)^2 + \\lambda u^2$$\n\n"
                                       "$$\\frac{\\partial L}{\\partial u} = (u-p) + 2\\lambda u$$")
    step = f.equations[1]
    assert step.checkable and step.key == "dL_du"
    assert any(d.name == "ambiguous-notation" and getattr(d.params.get("reading"), "phrase", "")
               == "read-derivative-of-defined-value" for d in f.diagnostics)


def test_a_prime_after_a_bracket_is_the_derivative_by_its_one_variable_and_said():
    tex = r"(\tanh x)' = 1 - \tanh^2 x"
    eq = lower(tex)
    x = sympy.Symbol("x", real=True)
    assert eq.checkable and sympy.simplify(eq.sympy - (1 - sympy.tanh(x) ** 2)) == 0
    assert "read-prime-of-bracket" in _readings(tex)
    assert sympy.simplify(lower(r"y = (x^3)''").sympy - 6 * x) == 0
    f = read_equation_file("unit.tex", r"y = (a x^2)'")  # two variables: by which one?
    assert not f.equations[0].checkable


def test_frac_with_unbraced_digits_takes_one_digit_per_argument_as_tex_does():
    x = sympy.Symbol("x", real=True)
    assert sympy.simplify(lower(r"y = \frac12 x").sympy - x / 2) == 0  # had been read as 12/x, silently
    assert lower(r"y = \frac1N \sum_{i=1}^N x_i").sympy_text == lower(r"y = \frac{1}{N} \sum_{i=1}^N x_i").sympy_text
    assert sympy.simplify(lower(r"y = \frac{12}{5} x").sympy - sympy.Rational(12, 5) * x) == 0


def test_japanese_combinations_are_the_binomial_coefficient_and_said():
    tex = r"y = {}_{5}C_{2} x"
    x = sympy.Symbol("x", real=True)
    assert sympy.simplify(lower(tex).sympy - 10 * x) == 0
    assert "read-combinations" in _readings(tex)


def test_a_value_at_the_next_step_written_as_an_argument_is_one_step_of_an_iteration():
    tex = r"w(t+1) = w(t) - \alpha g"
    eq = lower(tex)
    assert eq.checkable and eq.sympy_text == lower(r"w_{t+1} = w_t - \alpha g").sympy_text  # not w·(t + 1)
    assert "read-step-argument" in _readings(tex)


def test_an_arrow_marks_a_vector_and_a_capital_before_it_is_a_matrix():
    eq = lower(r"\vec{p}_{t+1} = M \vec{p}_t")
    assert [len(s.shape) for s in eq.inputs if s.name == "M"] == [2]  # not a scalar times a vector
    assert [len(s.shape) for s in eq.inputs if s.name == "p_t"] == [1]
    eq = lower(r"\mathbf{y} = M \mathbf{p}_t")  # bold with a subscript likewise
    assert [len(s.shape) for s in eq.inputs if s.name == "M"] == [2]


def test_bars_around_a_written_vector_are_its_length_and_two_abs_side_by_side_stay_two():
    tex = r"\cos(\mathbf{x},\mathbf{y}) = \frac{\mathbf{x}\cdot\mathbf{y}}{|\mathbf{x}||\mathbf{y}|}"
    f = read_equation_file("unit.tex", tex)
    assert f.main is not None and "sqrt" in f.main.sympy_text[0]  # ‖x‖‖y‖, not |x|, |y| entry by entry
    assert "read-abs-of-vector" in _readings(tex)
    a, b = sympy.symbols("a b", real=True)
    assert lower(r"c = |a||b|").sympy == sympy.Abs(a) * sympy.Abs(b)  # not a norm ‖…‖ around a||b
    assert "Abs" in lower(r"r = \sum_i |w_i|").sympy_text[0]


def test_a_power_to_infinity_is_a_limit_not_an_unread_notation():
    f = read_equation_file("unit.tex", r"y = M^\infty x")
    assert not f.equations[0].checkable and "limit" in str(f.equations[0].reason)
    assert not any(d.name == "unsupported-notation" for d in f.diagnostics)


def test_layer_superscripts_in_a_backward_recursion_are_labels_not_powers():
    tex = r"a^l = \sigma(W^l a^{l-1} + b^l)"
    eq = lower(tex)
    assert "l" not in {s.name for s in eq.inputs}  # a^{l-1} is not a to the power l − 1
    assert eq.sympy_text == lower(r"a^{(l)} = \sigma(W^{(l)} a^{(l-1)} + b^{(l)})").sympy_text
    assert "read-layer-superscript" in _readings(tex)
    x, n = sympy.symbols("x n", real=True)
    assert sympy.simplify(lower(r"y = x \cdot x^{n-1}").sympy - x ** n) == 0  # a plain power stays one
    f = read_equation_file("unit.tex", r"x^n = x \cdot x^{n-1}")  # x itself beside it: powers
    assert "read-layer-superscript" not in [d.params["reading"].phrase for d in f.diagnostics
                                           if d.name == "ambiguous-notation"]


def test_a_derivative_of_a_standard_function_written_in_the_numerator_is_computed():
    x = sympy.Symbol("x", real=True)
    expected = 1 - sympy.tanh(x) ** 2
    for tex in (r"y = \frac{\partial \tanh(x)}{\partial x}", r"y = \frac{\partial tanh(x)}{\partial x}",
                r"y = \frac{d}{dx}\tanh(x)"):
        assert sympy.simplify(lower(tex).sympy - expected) == 0, tex  # not a given gradient `grad`
    f = read_equation_file("unit.tex", r"y = \frac{d f(x)}{dx}")  # f undefined: its given gradient, as before
    assert "df_dx" in f.main.sympy_text[0]


def test_the_derivative_of_a_scalar_by_a_vector_is_its_gradient_column_and_said():
    decl = "\n\n$$X \\in \\mathbb{R}^{n \\times d}, \\bm{y} \\in \\mathbb{R}^{n}, \\bm{w} \\in \\mathbb{R}^{d}$$"
    tex = "$$\\bm{g} = \\frac{\\partial}{\\partial \\bm{w}} (\\bm{y} - X\\bm{w})^\\top(\\bm{y} - X\\bm{w})$$" + decl
    eq = lower(tex)
    assert eq.checkable and eq.sympy_text == lower("$$\\bm{g} = -2 X^\\top (\\bm{y} - X\\bm{w})$$" + decl).sympy_text
    assert "read-gradient-column" in _readings(tex)
    f = read_equation_file("unit.tex", r"g = \nabla_{\bm{w}} \|\bm{y} - \bm{X}\bm{w}\|^2")  # a sum of entries:
    assert not f.equations[0].checkable  # not differentiated by the vector (it had come out as 0)


def test_an_empty_upper_limit_and_a_divergence_bar_after_a_conditional_bar_read_as_before():
    eq = lower(r"\phi_i(x) = \frac{exp(x_i)}{\sum_{j}^{ }exp(x_j)}")  # \sum_j^{ }: no upper limit written
    assert eq.checkable
    f = read_equation_file("unit.tex", r"e = \mathbb{E}\big[\log p(y|x) \big] - KL\big(q(\theta) || p(\theta) \big)")
    assert not any(d.name == "latex-syntax" for d in f.diagnostics)  # || is the divergence's separator


def test_a_primed_bracket_after_a_number_is_that_number_times_the_derivative():
    x = sympy.Symbol("x", real=True)
    assert sympy.simplify(lower(r"\delta = \frac12 (x^3)^{\prime}").sympy - sympy.Rational(3, 2) * x ** 2) == 0
