"""Notation met in a second round of fresh English teaching material (issue 12, helper en13): wide
spacing between two equations, scripts that hold only spacing, step superscripts `x^{k}` from
`x^{k-1}`, and the Hessian ∇². Each test is on a small equation written here, never a quote."""

from __future__ import annotations

from unit_support import lower
from unit_support import readings as _readings

from eq2code.equation.semantics import read_equation_file


def _names(eq) -> set[str]:
    return {s.name for s in eq.inputs if not s.name.startswith("n_")}


def test_a_run_of_small_spaces_as_wide_as_a_quad_separates_two_equations():
    f = read_equation_file("unit.tex", r"u = a + b \;\;\;\; v = a b")
    assert [e.name for e in f.equations] == ["u", "v"]
    f = read_equation_file("unit.tex", r"u = 2 c \,\,\,\,\,\,\,\, v = c^2")
    assert [e.name for e in f.equations] == ["u", "v"]
    assert f.equations[0].sympy_text == lower(r"u = 2 c").sympy_text


def test_a_narrow_run_of_spaces_is_only_spacing():
    eq = lower(r"u = a \, b \; c")
    assert eq.checkable and eq.sympy_text == lower(r"u = a b c").sympy_text
    assert lower(r"u = \sum_{i=1}^{n} \;\;\;\; x_i").sympy_text == lower(r"u = \sum_{i=1}^{n} x_i").sympy_text


def test_a_script_that_holds_only_spacing_is_nothing():
    plain = lower(r"g(\mathbf{w}) = a + \mathbf{b}^T \mathbf{w} + \mathbf{w}^T \mathbf{C} \mathbf{w}")
    spaced = lower(r"g(\mathbf{w}) = a_{\,}^{\,} + \mathbf{b}^T \mathbf{w}^{\,} + \mathbf{w}^T \mathbf{C}^{\,}"
                   r" \mathbf{w}_{\,}")
    assert spaced.checkable and spaced.sympy_text == plain.sympy_text
    assert lower(r"e = \overset{\,}{y}_p - x_p").sympy_text == lower(r"e = y_p - x_p").sympy_text


def test_a_step_superscript_on_the_left_makes_earlier_steps_labels_not_powers():
    tex = r"\mathbf{w}^{k} = \mathbf{w}^{k-1} - \alpha \nabla g(\mathbf{w}^{k-1})"
    eq = lower(tex)
    assert eq.checkable and "**" not in eq.sympy_text[0]
    assert _names(eq) == {"w_k_prev", "alpha", "grad"}
    assert "k" not in _names(eq)
    assert "read-step-label" in _readings(tex)


def test_a_bold_symbol_at_the_step_is_a_label_a_plain_other_letter_stays_a_power():
    tex = r"\mathbf{w}^{k} = \mathbf{w}^{k-1} + \beta^{k} \mathbf{d}^{k-1}"
    eq = lower(tex)
    assert "beta**k" in eq.sympy_text[0] and "d**" not in eq.sympy_text[0]
    readings = _readings(tex)
    assert "read-step-label" in readings and "read-power-beside-step-label" in readings


def test_without_an_earlier_step_of_the_left_side_a_superscript_stays_a_power():
    tex = r"h^{k} = w^{k} + 1"
    assert "w**k" in lower(tex).sympy_text[0]
    assert "read-step-label" not in _readings(tex)


def test_the_hessian_of_an_undefined_function_is_its_own_given_matrix_never_the_gradient():
    tex = (r"\mathbf{w}^{k} = \mathbf{w}^{k-1} - \left(\nabla^2 g(\mathbf{w}^{k-1})\right)^{-1}"
           r" \nabla g(\mathbf{w}^{k-1})")
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"w_k_prev", "grad", "hess"}
    shapes = {s.name: len(s.shape) for s in eq.inputs}
    assert shapes["hess"] == 2 and shapes["grad"] == 1
    assert "read-given-hessian" in _readings(tex)


def test_the_hessian_at_a_scalar_is_not_read():
    f = read_equation_file("unit.tex", r"h = \nabla^2 g(w)")
    assert not f.equations[0].checkable


def test_a_standard_function_named_in_a_font_is_that_function_even_without_brackets():
    assert lower(r"g = -y \, \text{log} \, \sigma(z)").sympy_text == lower(r"g = -y \log \sigma(z)").sympy_text
    assert lower(r"g = \text{max}\left(0, 1 - y\right)").sympy_text == lower(r"g = \max(0, 1 - y)").sympy_text
    eq = lower(r"z = x_{\text{max}} - x_{\text{min}}")  # in a script: a label
    assert {s.name for s in eq.inputs} == {"x_max", "x_min"}


def test_an_upright_d_is_a_differential_and_the_derivative_of_an_undefined_function_is_given():
    tex = r"h(w) = g(v) + \frac{\mathrm{d}}{\mathrm{d}w} g(v)(w - v)"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"g", "grad", "v", "w"}
    assert eq.sympy_text == lower(r"h(w) = g(v) + \frac{d}{dw} g(v)(w - v)").sympy_text
    assert "read-given-gradient" in _readings(tex)


def test_a_subscripted_bold_identity_is_the_identity_of_that_size():
    eq = lower(r"A = B + \epsilon \mathbf{I}_{N \times N}" "\n\n" r"B \in \mathbb{R}^{N \times N}")
    assert eq.checkable and "I" not in {s.name for s in eq.inputs}
    assert "read-identity-matrix" in _readings(r"A = \epsilon \mathbf{I}_{N}")


def test_an_argmax_range_written_as_a_list_of_indices_is_the_interval():
    eq = lower(r"y = \max_{c = 1, \ldots, C} z_c")
    assert eq.checkable and eq.sympy_text == lower(r"y = \max_{c \in \{1, \ldots, C\}} z_c").sympy_text
    eq = lower(r"y = \underset{c = 0, ..., C-1}{\text{argmax}} \, z_c")
    assert eq.checkable


def test_two_primes_written_as_a_script_are_the_given_second_derivative_never_the_gradient():
    tex = r"w^{k} = w^{k-1} - \frac{g^{\prime}(w^{k-1})}{g^{\prime\prime}(w^{k-1})}"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"w_k_prev", "grad", "d2"}
    assert "read-given-second-derivative" in _readings(tex)
    assert lower(r"y = x - \frac{f'(x)}{f''(x)}").sympy_text[0].replace(" ", "") in ("x-grad/d2", "-grad/d2+x")
    f = read_equation_file("unit.tex", r"y = f'''(x)")
    assert not f.equations[0].checkable


def test_a_backslash_before_a_line_break_is_a_space():
    f = read_equation_file("unit.tex", "\\begin{array} \\\n g_1(w) = w^2 \\\\\n g_2(w) = 2 w \\\\\n\\end{array}")
    assert [e.name for e in f.equations] == ["g_1", "g_2"]


def test_a_bold_symbol_subscripted_by_a_sum_index_is_the_item_s_vector_not_an_entry():
    tex = r"g(\mathbf{w}) = \frac{1}{P}\sum_{p=1}^P (\mathbf{x}_p^T\mathbf{w} - y_p)^2"
    eq = lower(tex)
    shapes = {s.name: len(s.shape) for s in eq.inputs if not s.name.startswith("n_")}
    assert eq.checkable and {k: v for k, v in shapes.items() if k != "P"} == {"w": 1, "x": 2, "y": 1}
    assert "read-bold-item-row" in _readings(tex)
    declared = lower(r"c = \sum_{p=1}^P \mathbf{x}_p" "\n\n" r"\mathbf{x} \in \mathbb{R}^{P}")
    assert {s.name: len(s.shape) for s in declared.inputs if s.name == "x"} == {"x": 1}


def test_a_standard_function_of_a_computed_value_on_the_left_names_nothing():
    f = read_equation_file("unit.tex", r"\text{sign}\left(\text{model}\left(\mathbf{x}, \mathbf{w}\right)\right) = y")
    assert f.equations[0].name != "sign"


def test_a_partial_by_one_entry_of_an_undefined_function_at_a_vector_is_not_read():
    tex = r"w_j^{k} = w_j^{k-1} - \alpha \frac{\partial}{\partial w_j} g(\mathbf{w}^{k-1})"
    f = read_equation_file("unit.tex", tex)
    assert not f.equations[0].checkable


def test_a_second_derivative_is_never_a_fraction_of_inputs():
    for tex in (r"y = \frac{d^2 f}{dx^2}", r"y = \frac{d^2}{dx^2}(x^3)", r"y = \frac{\partial^2 L}{\partial w^2}"):
        assert not read_equation_file("unit.tex", tex).equations[0].checkable, tex
    tex = r"h(w) = g(v) + \frac{1}{2} \left(\frac{d^2}{dw^2} g(v)\right) (w - v)^2"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"g", "d2", "v", "w"}
    assert lower(r"y = \frac{d^2 + 1}{d}").checkable


def test_an_argmax_over_something_that_is_no_index_range_is_an_optimisation():
    f = read_equation_file("unit.tex", r"I^* = \underset{I, |I| = N}{\text{argmax}} \; s(I)")
    assert not f.equations[0].checkable
    assert not any(d.name == "unsupported-notation" for d in f.diagnostics)


def test_an_argmax_counted_from_one_is_not_compared_with_code_counted_from_zero():
    f = read_equation_file("unit.tex", r"c = \arg\max_{i} z_i")
    assert not f.equations[0].checkable and "argmax" in f.equations[0].reason
    assert lower(r"c = \underset{i = 0, \ldots, n-1}{\text{argmax}} \; z_i").checkable


def test_ranges_over_sets_conditions_and_parameters_are_not_checkable_not_unsupported():
    for tex in (r"y = \sum_{i : z_i = j} x_i", r"y = \sum_{u, i \in S} (r_{ui} - x_u y_i)^2",
                r"y = \max_{\pi_\theta} f(\pi_\theta)"):
        f = read_equation_file("unit.tex", tex)
        assert not f.equations[0].checkable, tex
        assert not any(d.name == "unsupported-notation" for d in f.diagnostics), tex


def test_typed_substitutes_hline_and_space_are_read():
    assert lower("y = (N \u2013 F)/S + 1").sympy_text == lower("y = (N - F)/S + 1").sympy_text
    f = read_equation_file("unit.tex", "p = q(s\u2032)")
    assert not any(d.name == "latex-syntax" for d in f.diagnostics)
    assert lower(r"y = a \space b").sympy_text == lower(r"y = a b").sympy_text


def test_braces_around_one_operand_then_a_script_put_the_script_on_the_operand():
    assert lower(r"z = {x}^2 + {y}_1").sympy_text == lower(r"z = x^2 + y_1").sympy_text
    assert lower(r"z = \frac{a}{b}^2").checkable


def test_a_group_that_starts_an_align_inside_a_display_is_the_first_row_s_start_not_an_argument():
    f = read_equation_file("unit.tex", "$$\\begin{aligned}{a} + b &= c\\end{aligned}$$")
    assert f.equations and "{a}" in f.equations[0].latex
    f = read_equation_file("unit.tex", "$$\\begin{alignat}{2} y &= x \\end{alignat}$$")
    assert f.equations and "{2}" not in f.equations[0].latex


def test_the_derivative_of_a_standard_function_is_computed_never_a_given_gradient():
    eq = lower(r"s = \frac{d}{dx}\sigma(x)")
    assert eq.checkable and "grad" not in {s.name for s in eq.inputs}


def test_a_wide_hspace_between_two_equations_separates_them():
    """`a = b \\hspace{1in} c = d` had been a = b·c = d, silently (issue 12); a thin one stays spacing."""
    f = read_equation_file("unit.tex", r"a = b \hspace{1in} c = d")
    assert [e.key for e in f.equations] == ["a", "c"]
    assert read_equation_file("unit.tex", r"a = b \hspace{1pt} c").equations[0].sympy_text[0] == "b*c"
