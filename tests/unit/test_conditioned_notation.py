"""Notation of English teaching material read with its ordinary ML meaning (issue 12, helper en16a):
sums over the items that satisfy a condition, a position compared with an argmin's, primed names,
arithmetic of acronyms in \\text, cases without `&`. Each test is on a small equation written here,
never a quote."""

from __future__ import annotations

import numpy as np
from unit_support import lower, readings, value

from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate


def _reason(tex: str) -> str:
    eq = read_equation_file("unit.tex", tex).equations[0]
    assert not eq.checkable
    return str(eq.reason)


def test_a_sum_over_the_items_that_meet_a_condition_weights_each_term_by_its_indicator():
    eq = lower(r"s_k = \sum_{i : c_i = k} a_i")
    assert eq.checkable and "read-bigop-filter" in readings(r"s_k = \sum_{i : c_i = k} a_i")
    c = np.array([1.0, 2.0, 1.0, 3.0])  # labels as the notes count them, from 1
    a = np.array([1.0, 10.0, 100.0, 1000.0])
    (_, _, size), = eq.free_indices  # k runs over as many values as the labels take
    sizes = {"n_i": 4, size[1]: 3}
    assert np.asarray(evaluate(eq, {"c": c, "a": a}, sizes), dtype=float).tolist() == [101.0, 10.0, 1000.0]


def test_the_labels_compared_with_the_result_s_index_are_drawn_from_its_range():
    eq = lower(r"m_j = \frac{1}{n_j} \sum_{i : z_i = j} \mathbf{x}_i")
    z = next(s for s in eq.inputs if s.name == "z")
    assert z.space.kind == "categorical" and eq.output_shape[0] == next(s for s in eq.inputs if s.name == "n").shape[0]


def test_a_condition_that_is_not_an_equality_keeps_the_terms_where_it_holds():
    eq = lower(r"t_k = \sum_{i : c_i \ne k} a_i b_k")
    assert next(s for s in eq.inputs if s.name == "c").space.kind == "categorical"
    eq = lower(r"p = \sum_{i : x_i > 0} x_i")
    assert value(eq, x=np.array([-1.0, 2.0, 3.0])) == 5.0


def test_the_index_of_a_filter_is_the_subscript_of_its_condition():
    eq = lower(r"r = \sum_{t < x_i} (x_i - t)")
    assert value(eq, x=np.array([1.0, 2.0, 5.0]), t=1.5) == 4.0
    assert "read-bigop-filter" in readings(r"r = \sum_{t < x_i} (x_i - t)")
    assert "from 0 to" not in str(lower(r"r = \sum_{t \ge x_i} 1").sympy_text)


def test_two_values_that_are_not_indices_compared_for_equality_are_not_a_filter():
    assert "neither of them an index" in _reason(r"L = -\sum_{j : \hat{y}_j \ne y_j} x_j y_j")


def test_a_sum_over_a_named_set_is_no_filter():
    assert not read_equation_file("unit.tex", r"m_k = \sum_{i \in C_k} x_i").equations[0].checkable


def test_zero_equal_to_a_formula_is_a_condition_not_an_identity():
    f = read_equation_file("unit.tex", r"0 = \sum_{i=1}^{n} (y_i - \theta)")
    assert f.equations[0].kind == "statement" and not f.equations[0].checkable


def test_the_derivative_of_an_absolute_value_of_entries_is_a_sign():
    eq = lower(r"g = \sum_{i=1}^{n} \frac{d}{d t} |y_i - t|")
    assert eq.checkable and "re(" not in eq.sympy_text
    assert value(eq, y=np.array([0.0, 1.0, 3.0]), t=2.0) == 1.0


def test_the_result_s_index_compared_with_an_argmin_takes_its_range_and_the_counting_cancels():
    tex = r"a_{ik} = \begin{cases} 1 & \text{if } k = \arg\min_j (p_i - q_j)^2 \\ 0 & \text{otherwise} \end{cases}"
    eq = lower(tex)
    assert "read-argmax-compared" in readings(tex)
    got = value(eq, p=np.array([0.0, 2.9]), q=np.array([3.0, 0.1, 5.0]))
    assert got.tolist() == [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]  # one-hot rows, as np.eye(3)[argmin] is
    assert lower(r"a_{ik} = 1\{k = \arg\max_{j} z_{ij}\}").checkable


def test_a_sum_s_index_compared_with_an_argmax_is_not_read_its_value_would_count_from_one():
    assert "counted from 1" in _reason(r"r_i = \sum_{k=1}^{K} k \mathbb{1}(k = \arg\max_j z_{ij})")


def test_a_prime_on_a_symbol_not_applied_to_an_argument_is_part_of_its_name():
    eq = lower(r"L = -\sum_i t'_i \log(q_i)")
    assert {s.name for s in eq.inputs} >= {"t_prime", "q"} and "read-prime-in-name" in readings(
        r"L = -\sum_i t'_i \log(q_i)")
    assert value(eq, t_prime=np.array([1.0, 0.0]), q=np.array([0.5, 0.25])) == np.log(2.0)
    assert lower(r"d = u_i' - u_i").sympy_text == lower(r"d = u'_i - u_i").sympy_text


def test_a_prime_on_a_function_stays_a_derivative():
    assert "derivative" in _reason(r"y = f' x")
    assert "derivative" in _reason(r"y = \sigma' x")


def test_the_prime_after_a_subscript_that_is_a_primed_sum_index_is_the_index_s():
    eq = lower(r"s_k = \frac{e^{a_k}}{\sum_{k'} e^{a_k'}}")
    assert "a_prime" not in {s.name for s in eq.inputs}
    assert np.allclose(value(eq, a=np.array([0.0, np.log(3.0)])), [0.25, 0.75])


def test_two_items_of_one_letter_with_a_dot_between_them_are_its_rows():
    eq = lower(r"s_{ij} = u_i \cdot u_j")
    u = next(s for s in eq.inputs if s.name == "u")
    assert len(u.shape) == 2
    rows = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert value(eq, u=rows).tolist() == (rows @ rows.T).tolist()
    assert len(next(s for s in lower(r"s_i = w_i \cdot x_i").inputs if s.name == "w").shape) == 1


def test_acronyms_joined_by_arithmetic_inside_text_are_that_arithmetic():
    tex = r"r = \frac{\text{AB}}{\text{AB + CD}}"
    eq = lower(tex)
    assert "read-text-arithmetic" in readings(tex)
    assert value(eq, AB=3.0, CD=1.0) == 0.75
    assert value(lower(r"q = \text{AB - CD/EF * GH}"), AB=1.0, CD=4.0, EF=2.0, GH=3.0) == -5.0


def test_prose_inside_text_stays_prose():
    assert "prose" in _reason(r"r = \frac{\text{AB}}{\text{all positives}}")
    assert "prose" in _reason(r"r = \text{input/output}")


def test_cases_written_without_ampersands_split_at_the_space_before_the_condition():
    tex = r"h = \begin{cases} a - b \quad \text{if } b \le a \\ b - a \quad \text{otherwise} \end{cases}"
    eq = lower(tex)
    assert value(eq, a=1.0, b=3.0) == 2.0 and value(eq, a=3.0, b=1.0) == 2.0


def test_if_and_otherwise_typed_as_math_letters_in_cases_are_those_words():
    tex = (r"h = \left\{\begin{matrix} a^2 & if \left| a \right| < c \\ c (2 |a| - c) & otherwise"
           r" \end{matrix}\right.")
    eq = lower(tex)
    assert value(eq, a=0.5, c=1.0) == 0.25 and value(eq, a=-3.0, c=1.0) == 5.0


def test_a_primed_name_with_a_subscript_on_the_left_is_defined():
    eq = lower(r"u'_j = 2 x_j")
    assert eq.kind == "definition" and eq.name.startswith("u")


def test_a_chain_whose_written_numbers_are_several_is_not_read_as_one_number():
    assert "several" in _reason(r"\mathbf{z} = \mathbf{x}^T \mathbf{W} = \begin{bmatrix} 0.5 & 0.25 \end{bmatrix}")
    assert lower(r"a = \mathbf{w}^T \mathbf{x} = 3").checkable


def test_a_bracket_with_plus_below_it_is_its_positive_part():
    tex = r"\ell = \sum_{i=1}^{m} [a_i - b_i + c]_+"
    eq = lower(tex)
    assert "read-positive-part" in readings(tex)
    assert value(eq, a=np.array([1.0, 0.0]), b=np.array([0.5, 2.0]), c=0.25) == 0.75


def test_cases_whose_values_and_conditions_are_stacked_columns_have_a_row_per_line():
    tex = (r"u(z) = \begin{cases} \begin{array}{c} -1 \\ 1 \end{array} & \begin{array}{c} z < a \\ z > a"
           r" \end{array} \end{cases}")
    eq = lower(tex)
    assert value(eq, z=0.0, a=1.0) == -1.0 and value(eq, z=2.0, a=1.0) == 1.0
