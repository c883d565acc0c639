"""Notation met in fresh public teaching material (issue 12) that the corpus here did not have:
each test is on a small equation written here, never a quote."""

from __future__ import annotations

from unit_support import lower
from unit_support import readings as _readings

from eq2code.equation.semantics import read_equation_file


def test_small_letters_run_together_before_a_bracket_are_a_function_not_a_product():
    eq = lower(r"h = relu(z)")
    assert eq.checkable and eq.sympy_text == lower(r"h = \operatorname{relu}(z)").sympy_text
    assert "read-applied-word" in _readings(r"h = relu(z)")
    assert lower(r"s = sign(u - 1)").sympy_text == lower(r"s = \operatorname{sign}(u - 1)").sympy_text


def test_an_unknown_word_applied_is_an_undefined_function():
    f = read_equation_file("unit.tex", r"b = mean(q) - a \, mean(r)")
    eq = f.equations[0]
    assert not eq.checkable and "mean" in eq.reason


def test_two_letters_before_a_bracket_stay_a_product_and_spaced_letters_too():
    assert "read-applied-word" not in _readings(r"z = x y(1 - y)")
    assert "read-applied-word" not in _readings(r"z = a b c(u + 1)")


def test_plain_letters_inside_a_norm_are_vectors_and_said_to_be():
    tex = r"E(v) = \|b - A v\|_2^2 + \lambda \|v\|_1"
    eq = lower(tex)
    shapes = {s.name: len(s.shape) for s in eq.inputs if not s.name.startswith("n_")}
    assert shapes == {"b": 1, "A": 2, "v": 1, "lambda": 0}
    assert "read-norm-of-vectors" in _readings(tex)
    assert lower(r"r = \|u\|^2").sympy_text == lower(r"r = \|u\|^2" "\n\n" r"u \in \mathbb{R}^{n_u}").sympy_text


def test_a_norm_of_anything_else_guesses_nothing():
    assert "read-norm-of-vectors" not in _readings(r"d = \|q - \mu\|")
    assert "read-norm-of-vectors" not in _readings(r"d = \|u\|" "\n\n" r"u \in \mathbb{R}")


def test_a_superscript_step_on_the_left_makes_the_same_letter_on_the_right_the_current_value():
    tex = r"v^{k+1} = v^k - \eta g"
    eq = lower(tex)
    assert eq.sympy_text[0].replace(" ", "") == "-eta*g+v_k"
    assert {s.name for s in eq.inputs} >= {"v_k", "eta", "g"} and "k" not in {s.name for s in eq.inputs}
    assert "read-step-superscript" in _readings(tex)


def test_another_letter_to_the_step_power_stays_a_power_and_is_said():
    tex = r"v^{k+1} = v^k - \eta^k g"
    assert "eta**k" in lower(tex).sympy_text[0]
    assert "read-power-beside-step" in _readings(tex)
    assert "read-power-beside-step" not in _readings(r"u = v^k + 1")


def test_a_relation_in_braces_is_the_relation():
    f = read_equation_file("unit.tex", r"q = P(c{=}1 \mid u)")
    assert not [d for d in f.diagnostics if d.name == "latex-syntax"]
    braced, plain = (read_equation_file("unit.tex", t) for t in (r"r = u_{y{=}k} + 1", r"r = u_{y=k} + 1"))
    assert [(e.kind, e.reason) for e in braced.equations] == [(e.kind, e.reason) for e in plain.equations]


def test_an_unbraced_star_superscript_is_a_label():
    assert lower(r"u^\ast = 2 v").name == lower(r"u^{\ast} = 2 v").name
    assert lower(r"z = a^\star + 1").sympy_text == lower(r"z = a^{\star} + 1").sympy_text


def test_a_space_after_an_operator_and_its_scripts_is_only_spacing():
    f = read_equation_file("unit.tex", r"\begin{aligned} \max_\beta \quad & \sum_{k=1}^n \beta_k \\ "
                                       r"\text{s.t.} \quad & \beta_k \ge 0 \end{aligned}")
    assert not [d for d in f.diagnostics if d.name == "latex-syntax"]
    assert lower(r"m = \max_{j} \quad c_j").sympy_text == lower(r"m = \max_{j} c_j").sympy_text
    assert len(read_equation_file("unit.tex", r"a = 2 u, \quad b = 3 u").equations) == 2


def test_a_capital_under_a_sum_its_terms_do_not_use_is_the_count():
    tex = r"E = \frac{1}{2} \sum_M (t_j - o_j)^2"
    assert lower(tex).sympy_text == lower(r"E = \frac{1}{2} \sum_{j=1}^{M} (t_j - o_j)^2").sympy_text
    assert "read-bigop-count" in _readings(tex)


def test_a_small_letter_under_a_sum_its_terms_do_not_use_is_not_read():
    f = read_equation_file("unit.tex", r"E = \sum_m (t_j - o_j)^2")
    assert not f.equations[0].checkable and "t_j" not in f.equations[0].reason
    assert lower(r"S = \sum_{k=1}^{n} c").checkable  # a sum of a constant, with its range, stays one


def test_a_letter_applied_elsewhere_does_not_break_an_acronym():
    tex = r"R = \frac{TN}{TN + FP} = Q(c = 0 \mid d = 0)"
    assert lower(tex).sympy_text == lower(r"R = \frac{TN}{TN + FP}").sympy_text


def test_a_labelled_function_applied_to_the_left_sides_argument_is_not_a_power_times_it():
    f = read_equation_file("unit.tex", r"G(z) = \sum_{k=1}^{K} c_k g^k(z)")
    assert not f.equations[0].checkable and "g^k" in f.equations[0].reason
    assert lower(r"G(z) = z^2(1 - z)").checkable  # a power times a bracket stays one
    assert lower(r"G(z) = b^2(z)").checkable  # a number as the superscript: a power


def test_a_function_letter_with_two_indices_applied_is_a_function_not_an_entry_times_it():
    f = read_equation_file("unit.tex", r"y = \psi_{a,b}(u) + 1")  # used, not defined: not ψ[a,b]·u
    assert not f.equations[0].checkable and "\\psi_{a,b}" in f.equations[0].reason
    # defined on a left side, it is the function named ψ_{a,b} (its subscripts name parameters, D22)
    f = read_equation_file("unit.tex", r"\psi_{a,b}(u) = \frac{u - c_a}{c_b - c_a}")
    assert f.equations[0].checkable and f.equations[0].key == "psi_ab"


def test_english_words_typed_in_math_are_prose_not_a_product_of_letters():
    f = read_equation_file("unit.tex", r"q = r for every sample here")
    assert not f.equations[0].checkable and "prose" in f.equations[0].reason
    assert lower(r"y = ab cd ef").checkable  # short letter groups stay products


def test_the_probability_of_an_event_defined_is_said_to_be_a_named_value():
    assert "read-event-probability" in _readings(r"P(c=1 \mid u) = \sigma(a u + b)")


def test_a_blank_line_inside_an_environment_does_not_split_the_block():
    f = read_equation_file("unit.tex", "\\begin{aligned}\nu &= 2 v \\\\\n  &= v + v\n\n\n\\end{aligned}\n")
    assert not [d for d in f.diagnostics if d.name == "latex-syntax"]
    assert f.main is not None and f.main.checkable
    assert len(read_equation_file("unit.tex", "a = 2 b\n\nc = 3 d\n").equations) == 2


def test_latex_pr_of_an_event_is_a_probability_like_p():
    tex = r"\Pr[c=1 \mid u] = \sigma(a u + b)"
    assert lower(tex).sympy_text == lower(r"P(c=1 \mid u) = \sigma(a u + b)").sympy_text
    assert "read-event-probability" in _readings(tex)


def test_a_small_letter_word_with_an_index_is_one_name():
    tex = r"a_m = \log \frac{1 - err_m}{err_m}"
    assert "err" in lower(tex).sympy_text[0] and "read-word" in _readings(tex)
    assert lower(r"y = ab c_m").sympy_text == lower(r"y = a b c_m").sympy_text  # spaced: a product
