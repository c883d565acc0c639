"""Notation of linear models as course notes write it with plain letters (issue 12, helper en14):
a sample's superscript x^{(i)} under the sum over i, transposed Greek letters θ^⊤x, transposed
brackets (Xθ − y)^⊤(Xθ − y), a letter after a matrix (X^⊤y), the plain identity in λI, and a
derivative by one numbered entry. Each test is on a small equation written here, never a quote."""

from __future__ import annotations

from unit_support import lower
from unit_support import readings as _readings

from eq2code.equation.semantics import read_equation_file


def _shapes(eq) -> dict[str, int]:
    return {s.name: len(s.shape) for s in eq.inputs if not s.name.startswith("n_") and s.name != "n"}


def test_a_sample_superscript_under_its_sum_is_that_item_never_one_value_for_every_item():
    tex = r"J = \frac{1}{2n} \sum_{i=1}^n (y^{(i)} - \theta^\top x^{(i)})^2"
    eq = lower(tex)
    assert eq.checkable and eq.output_shape == ()
    assert _shapes(eq) == {"y": 1, "theta": 1, "x": 2}  # y[i] a number, x^{(i)} row i of x
    readings = _readings(tex)
    assert "read-sample-item" in readings and "read-sample-item-row" in readings


def test_a_bold_sample_is_a_vector_also_outside_a_sum():
    eq = lower(r"\hat{y}^{(i)} = \mathbf{w}^\top \mathbf{x}^{(i)} + b")
    assert eq.checkable and eq.output_shape == ()
    assert _shapes(eq) == {"w": 1, "x__i": 1, "b": 0}


def test_a_capital_with_a_layer_superscript_under_a_sum_stays_one_matrix_per_layer():
    tex = r"R = \sum_{l=1}^{L} \|W^{(l)}\|_F^2"
    assert "read-sample-item" not in _readings(tex) and "read-sample-item-row" not in _readings(tex)


def test_a_declared_sample_keeps_its_declaration():
    eq = lower(r"J = \sum_{i=1}^n (y^{(i)})^2" "\n\n" r"y^{(i)} \in \mathbb{R}")
    assert _shapes(eq) == {"y__i": 0}


def test_a_transposed_greek_letter_is_a_vector_dotted_with_what_follows():
    eq = lower(r"f(x) = \theta^\top x")
    assert eq.checkable and eq.output_shape == () and _shapes(eq) == {"theta": 1, "x": 1}
    eq = lower(r"h = (x^{(i)})^\top \theta")
    assert eq.checkable and eq.output_shape == () and _shapes(eq) == {"x__i": 1, "theta": 1}


def test_a_transposed_bracket_of_plain_letters_makes_them_vectors_and_matrices():
    tex = r"J(\theta) = \frac{1}{2} (X \theta - y)^\top (X \theta - y)"
    eq = lower(tex)
    assert eq.checkable and eq.output_shape == () and _shapes(eq) == {"X": 2, "theta": 1, "y": 1}
    assert "read-transposed-bracket-vectors" in _readings(tex)


def test_a_letter_right_after_a_matrix_is_a_vector():
    tex = r"\theta = (X^\top X)^{-1} X^\top y"
    eq = lower(tex)
    assert eq.checkable and len(eq.output_shape) == 1 and _shapes(eq) == {"X": 2, "y": 1}
    assert "read-vector-after-matrix" in _readings(tex)
    eq = lower(r"h = W x")  # two letters side by side: no evidence of a matrix
    assert _shapes(eq) == {"W": 0, "x": 0}


def test_a_plain_i_added_to_a_matrix_product_is_the_identity():
    tex = r"\theta = (X^\top X + \lambda I)^{-1} X^\top y"
    eq = lower(tex)
    assert eq.checkable and "I" not in _shapes(eq)
    assert "read-identity-matrix" in _readings(tex)
    assert "I" in _shapes(lower(r"a = I + b"))


def test_a_capital_greek_letter_between_vectors_is_a_matrix():
    eq = lower(r"J(w) = w^\top \cdot \hat\Sigma \cdot w")
    assert eq.checkable and eq.output_shape == () and _shapes(eq) == {"w": 1, "Sigma_hat": 2}


def test_a_derivative_by_a_numbered_entry_is_computed():
    eq = lower(r"g = \frac{\partial}{\partial \theta_1} \frac{1}{n} \sum_{i=1}^{n} (y_i - \theta_0 - \theta_1 x_i)^{2}")
    assert eq.checkable and eq.output_shape == ()
    assert {"theta_0", "theta_1", "x", "y"} <= set(_shapes(eq))  # θ_0, θ_1 alone: two numbers (numbered names)


def _reason(tex: str) -> tuple[str, str]:
    eq = read_equation_file("unit.tex", tex).equations[0]
    return eq.kind, eq.reason


def test_a_range_given_by_a_condition_is_read_and_not_checkable_never_unsupported():
    f = read_equation_file("unit.tex", r"y = \max_{\lambda \geq 0} D(\lambda)")
    assert not f.equations[0].checkable and "condition" in f.equations[0].reason
    assert not any(d.name == "unsupported-notation" for d in f.diagnostics)
    for tex in (r"a = \sum_{\theta < y_i} 1", r"E = \sum_{\text{all possible}\ x} x P(X=x)",
                r"a = \sum_{(x, y) \in \mathcal{D} \,\mid\, r(x) = \text{true}} y"):
        f = read_equation_file("unit.tex", tex)
        assert not any(d.name in ("unsupported-notation", "latex-syntax") for d in f.diagnostics), tex


def test_an_evaluation_bar_written_rvert_is_an_evaluation_bar():
    f = read_equation_file("unit.tex", r"g = \frac{\partial L}{\partial f} \bigg\rvert_{f = f_0(x)}")
    assert "evaluation bar" in f.equations[0].reason
    assert "x" in {s.name for s in lower(r"a = \lvert x \rvert + 1").inputs}  # a closing bar stays one


def test_a_vector_zero_on_the_right_is_a_condition():
    assert _reason(r"X^\top y - X^\top X \theta = \vec{0}")[0] == "statement"
    assert _reason(r"g = \mathbf{0}")[0] == "definition"


def test_plain_tex_blackboard_and_a_column_specification_with_braces_are_read():
    assert lower(r"\mathbb{Y} = 2 \Bbb{Z}").sympy_text == lower(r"\mathbb{Y} = 2 \mathbb{Z}").sympy_text
    eq = lower(r"v = \left[\begin{array}{@{}c@{}} a \\ b \end{array}\right]")
    assert eq.checkable


def test_a_numbered_letter_beside_its_transposed_vector_is_the_intercept():
    tex = r"f_\theta(x) = \theta^\top x + \theta_0"
    eq = lower(tex)
    assert eq.checkable and _shapes(eq) == {"theta": 1, "x": 1, "theta_0": 0}
    assert "read-intercept-beside-vector" in _readings(tex)
    numbered = r"y = \theta_0 + \theta_1 x_1 + \theta_2 x_2"  # no vector θ: numbered names, one number each
    assert set(_shapes(lower(numbered))) == {"theta_0", "theta_1", "theta_2", "x_1", "x_2"}
    assert "read-numbered-names" in _readings(numbered)


def test_a_double_struck_capital_is_a_design_matrix_and_operators_stay_operators():
    eq = lower(r"\hat\theta = (\mathbb{X}^{\top}\mathbb{X} + n\lambda I)^{-1}\mathbb{X}^{\top}\mathbb{Y}")
    assert eq.checkable and _shapes(eq)["X"] == 2
    f = read_equation_file("unit.tex", r"a = \mathbb{E}[x]")
    assert not f.equations[0].checkable


def test_an_escaped_underscore_joins_a_word_never_an_input_named_underscore():
    eq = lower(r"y = \theta_1 (\text{total}\_\text{bill}) + \theta_2 \text{egg\_weight}")
    names = set(_shapes(eq))
    assert {"total_bill", "egg_weight"} <= names and "_" not in names


def test_the_minibatch_step_is_a_vector_step_over_the_batch():
    tex = (r"\mathbf{w} \leftarrow \mathbf{w} - \frac{\eta}{|\mathcal{B}|} \sum_{i \in \mathcal{B}} \mathbf{x}^{(i)}"
           r" \left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)")
    eq = lower(tex)
    assert eq.checkable and len(eq.output_shape) == 1  # a vector times a number, never entry by entry
    assert _shapes(eq) == {"w": 1, "eta": 0, "x": 2, "b": 0, "y": 1}  # |𝓑| is the batch's size, no input
    assert "read-set-size" in _readings(tex)


def test_a_sum_over_the_items_of_a_set_sums_the_items_never_their_numbers():
    tex = r"\hat{\boldsymbol{\mu}} = \frac{1}{|\mathcal{B}|} \sum_{\mathbf{x} \in \mathcal{B}} \mathbf{x}"
    eq = lower(tex)
    assert eq.checkable and len(eq.output_shape) == 1 and _shapes(eq) == {"x": 2}
    assert "read-set-items" in _readings(tex)
    eq = lower(r"s = \sum_{i \in \mathcal{B}} x_i")  # i only as a subscript: the index, as before
    assert _shapes(eq) == {"x": 1}


def test_square_brackets_around_a_name_with_a_subscript_are_its_entry():
    assert lower(r"z_{i,j} = [\mathbf{X}]_{i,j} + 1").sympy_text == lower(r"z_{i,j} = X_{i,j} + 1").sympy_text
    assert "x_plus" in lower(r"h = [x]_+").sympy_text[0]  # the positive part's sign stays a label


def test_a_transposed_subscripted_letter_is_an_items_vector():
    tex = r"p_k = \frac{\exp(\theta_k^\top x)}{\sum_{l=1}^K \exp(\theta_l^\top x)}"
    eq = lower(tex)
    assert eq.checkable and len(eq.output_shape) == 1 and _shapes(eq) == {"theta": 2, "x": 1, "K": 0}
    assert "read-transposed-item-row" in _readings(tex)
    eq = lower(r"L = \sum_{i=1}^n \sum_{j=1}^C (w_j^\top x_i)^2")
    assert eq.checkable and eq.output_shape == () and _shapes(eq) == {"w": 2, "x": 2, "C": 0}


def test_a_left_subscript_that_ends_a_sum_labels_the_value():
    tex = r"\bar{X}_n = \frac{1}{n} \sum_{i=1}^n X_i"
    eq = lower(tex)
    assert eq.checkable and eq.output_shape == ()
    assert "read-subscript-size-label" in _readings(tex)


def test_a_set_item_a_function_is_applied_to_stays_the_point_of_given_values():
    eq = lower(r"L = \frac{\sum_{p \in S} |f(p; \theta) - y_p|^2 \cdot \omega_p}{\sum_{p \in S} \omega_p}")
    assert eq.checkable and "f" in _shapes(eq)
