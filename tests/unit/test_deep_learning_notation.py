"""Deep-learning notation of fresh English teaching material (issue 12, helper en14b): bold
capitals side by side are matrices, a bias vector is added to every row, 𝐈_t beside 𝐅_t is a
gate, Δw is one quantity, δL/δw a derivative, `&&` between two equations separates them. Each
test is on a small equation written here, never a quote."""

from __future__ import annotations

import numpy as np
from unit_support import lower
from unit_support import readings as _readings
from unit_support import value as _value

from eq2code.equation.semantics import read_equation_file

rng = np.random.default_rng(14)


def _shapes(eq) -> dict[str, int]:
    return {s.name: len(s.shape) for s in eq.inputs if not s.name.startswith("n_")}


def test_two_bold_capitals_side_by_side_are_a_matrix_product_and_said():
    tex = r"\mathbf{H} = \mathbf{X}\mathbf{W} + \mathbf{b}"
    eq = lower(tex)
    assert eq.checkable and _shapes(eq) == {"X": 2, "W": 2, "b": 1}
    X, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=5)
    assert np.allclose(_value(eq, X=X, W=W, b=b), X @ W + b)  # b added to every row (the bias row)
    readings = _readings(tex)
    assert "read-bold-capitals-product" in readings and "read-bias-row" in readings


def test_plain_capitals_side_by_side_stay_without_evidence_of_matrices():
    eq = lower(r"F = 2 P Q + x")
    assert all(n == 0 for n in _shapes(eq).values())
    assert "read-bold-capitals-product" not in _readings(r"F = 2 P Q + x")


def test_a_bold_layer_bias_is_a_vector_added_to_every_row():
    eq = lower(r"\mathbf{H} = \sigma(\mathbf{X}\mathbf{W}^{(1)} + \mathbf{b}^{(1)})")
    X, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    names = {s.name for s in eq.inputs if not s.name.startswith("n_")}
    w, bias = sorted(n for n in names if n.startswith("W")), sorted(n for n in names if n.startswith("b"))
    out = _value(eq, X=X, **{w[0]: W, bias[0]: b})
    assert np.allclose(out, 1 / (1 + np.exp(-(X @ W + b))))


def test_a_gru_candidate_multiplies_the_gated_state_by_its_weight_matrix():
    tex = (r"\tilde{\mathbf{H}}_t = \tanh(\mathbf{X}_t \mathbf{W}_{xh} + \left(\mathbf{R}_t \odot"
           r" \mathbf{H}_{t-1}\right) \mathbf{W}_{hh} + \mathbf{b}_h)")
    eq = lower(tex)
    X, R, H = rng.normal(size=(4, 3)), rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    Wx, Wh, b = rng.normal(size=(3, 2)), rng.normal(size=(2, 2)), rng.normal(size=2)
    out = _value(eq, X_t=X, R_t=R, H_t_prev=H, W_xh=Wx, W_hh=Wh, b_h=b)
    assert np.allclose(out, np.tanh(X @ Wx + (R * H) @ Wh + b))


def test_bold_i_with_the_step_of_its_neighbours_is_a_gate_not_the_identity():
    tex = r"\mathbf{C}_t = \mathbf{F}_t \odot \mathbf{C}_{t-1} + \mathbf{I}_t \odot \tilde{\mathbf{C}}_t"
    eq = lower(tex)
    assert eq.checkable and "I_t" in {s.name for s in eq.inputs}
    assert "read-bold-I-labelled" in _readings(tex)
    f = read_equation_file("unit.tex", r"\mathbf{B} = \mathbf{X}^\top \mathbf{X} + \lambda \mathbf{I}_d")
    assert "read-identity-matrix" in [d.params["reading"].phrase for d in f.diagnostics
                                      if d.name == "ambiguous-notation"]


def test_delta_before_a_symbol_is_one_quantity_its_change():
    tex = r"\Delta w = -\eta \frac{\partial L}{\partial w}"
    eq = lower(tex)
    assert eq.checkable and eq.name == "Delta_w" and "Delta" not in {s.name for s in eq.inputs}
    assert "read-increment-name" in _readings(tex)
    step = lower(r"w(k+1) = w(k) - \Delta w(k)")
    assert {s.name for s in step.inputs} == {"w_k", "Delta_w_k"}
    labelled = lower(r"w_h(k+1) = w_h(k) - \Delta w_h(k+1)")  # had been an identity between products
    assert labelled.kind == "definition" and len(labelled.inputs) == 2
    bold = lower(r"\mathbf{w} \leftarrow \mathbf{w} + \Delta \mathbf{w}")
    w, dw = rng.normal(size=3), rng.normal(size=3)
    assert np.allclose(_value(bold, w=w, Delta_w=dw).ravel(), w + dw)


def test_delta_alone_stays_a_margin():
    eq = lower(r"L_i = \sum_{j\neq y_i} \max(0, s_j - s_{y_i} + \Delta)")
    assert "Delta" in {s.name for s in eq.inputs}
    assert "read-increment-name" not in _readings(r"L_i = \sum_{j\neq y_i} \max(0, s_j - s_{y_i} + \Delta)")


def test_a_fraction_of_deltas_is_a_derivative_never_a_ratio_that_cancels():
    tex = r"\frac{\delta L}{\delta w} = 2 x (w x - y)"
    eq = lower(tex)
    assert eq.checkable and eq.name == "dL_dw" and "delta" not in {s.name for s in eq.inputs}
    assert "read-delta-derivative" in _readings(tex)
    assert "read-delta-derivative" not in _readings(r"\delta_h = h (1 - h) \delta_o")


def test_two_ampersands_between_two_equations_separate_them():
    f = read_equation_file("unit.tex", "\\begin{align}\nA = a + b && B = c d\n\\end{align}\n")
    assert [e.name for e in f.equations] == ["A", "B"]
    f = read_equation_file("unit.tex", "\\begin{aligned}\nA &= a + b & B &= c d\n\\end{aligned}\n")
    assert [e.name for e in f.equations] == ["A", "B"]
    assert f.equations[0].sympy_text == lower(r"A = a + b").sympy_text


def test_an_ampersand_before_a_condition_or_a_continued_row_is_layout():
    f = read_equation_file("unit.tex", "\\begin{align}\nA &= a + b \\\\\n &= c\n\\end{align}\n")
    assert len([e for e in f.equations if e.kind == "definition"]) == 1
    f = read_equation_file("unit.tex", "\\begin{align}\nf(x) &= x & \\text{if } x > 0\n\\end{align}\n")
    assert len(f.equations) == 1  # one clause, its condition kept with it (as before)


def test_one_letter_for_several_distributions_is_bayes_rule_not_entries_of_one_table():
    for tex in (r"P(\theta \mid x) = \frac{P(x \mid \theta) P(\theta)}{P(x)}",
                r"p(x|y) = \frac{p(y|x)p(x)}{p(y)}"):
        f = read_equation_file("unit.tex", tex)
        assert not f.equations[0].checkable
        assert f.equations[0].why.phrase == "eq-distributions-by-arguments"
    assert lower(r"p(y_i \mid x_i) = \sigma(w x_i)").checkable


def test_a_superscript_that_says_which_matrix_is_a_label_not_a_power():
    tex = r"Q = X W^q"
    eq = lower(tex)
    assert "**" not in eq.sympy_text[0] and "read-role-superscript" in _readings(tex)
    eq = lower(r"\mathbf{Q} = \mathbf{X}\mathbf{W}^Q")
    assert "**" not in eq.sympy_text[0]
    assert "**" in lower(r"\mathbf{p}_t = \mathbf{P}^n \mathbf{p}_0").sympy_text[0]  # a power of a matrix stays


def test_braces_around_one_expression_are_its_outer_bracket():
    tex = r"E = \frac{1}{2}\sum_{n=1}^{N} \{(a_n - t_n)\}^2"
    eq = lower(tex)
    assert eq.checkable and eq.sympy_text == lower(r"E = \frac{1}{2}\sum_{n=1}^{N} (a_n - t_n)^2").sympy_text
    assert "read-braces-as-brackets" in _readings(tex)
    f = read_equation_file("unit.tex", r"S = \{ x_1, x_2 \}")
    assert not f.equations[0].checkable


def test_a_density_of_the_values_written_is_a_function_of_them():
    eq = lower(r"p(x \mid \mu, \sigma) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{(x - \mu)^2}{2\sigma^2}\right)")
    assert eq.checkable and {s.name for s in eq.inputs} >= {"x", "mu", "sigma"}
    x, mu, s = 0.3, -0.2, 1.7
    assert np.isclose(float(_value(eq, x=x, mu=mu, sigma=s)),
                      np.exp(-(x - mu) ** 2 / (2 * s * s)) / np.sqrt(2 * np.pi * s * s))
    table = lower(r"p(x|y) = \frac{c_{xy}}{n_y}")
    assert table.name == "p_x_given_y"  # a table indexed by x and y, as before


def test_a_covariance_between_a_transposed_vector_and_a_vector_is_a_matrix_and_its_bars_its_determinant():
    tex = (r"p(\mathbf{x} \mid \boldsymbol{\mu}, \Sigma) = \frac{1}{\sqrt{(2\pi)^d \lvert\Sigma\rvert}}"
           r" \exp\left(-\frac{1}{2}(\mathbf{x} - \boldsymbol{\mu})^T \Sigma^{-1}"
           r" (\mathbf{x} - \boldsymbol{\mu})\right)")
    eq = lower(tex)
    assert _shapes(eq)["Sigma"] == 2 and "read-abs-determinant" in _readings(tex)
    A = rng.normal(size=(3, 3))
    S, x, mu = A @ A.T + 3 * np.eye(3), rng.normal(size=3), rng.normal(size=3)
    want = np.exp(-0.5 * (x - mu) @ np.linalg.solve(S, x - mu)) / np.sqrt((2 * np.pi) ** 3 * np.linalg.det(S))
    assert np.isclose(float(_value(eq, x=x, mu=mu, Sigma=S, d=3.0)), want)


def test_a_subscripted_name_applied_to_the_defined_functions_own_parameters_is_no_coefficient():
    f = read_equation_file("unit.tex", r"J(\theta) = \frac{1}{T} \sum_t J_t(\theta)")
    assert not f.equations[0].checkable  # J_t(θ) is applied (a function not defined here), never J_t·θ
    assert lower(r"L(w) = \sum_i y_i (w - x_i)^2").checkable  # y_i (…) stays a coefficient


def test_preamble_macros_and_unicode_relations_are_read():
    assert read_equation_file("unit.tex", r"x \in \R^3").diagnostics == []
    rest = r" = \sum_x P(x) \log\frac{P(x)}{Q(x)}"
    kl = lower(r"D_{\text{KL}}(P \parallel Q)" + rest)
    assert kl.checkable and kl.sympy_text == lower(r"D_{\text{KL}}(P \| Q)" + rest).sympy_text
    f = read_equation_file("unit.tex", "a = b ⇒ c ≡ d")
    assert not any(d.name in ("latex-syntax", "unsupported-notation") for d in f.diagnostics)


def test_exp_with_only_a_power_is_e_to_that_power():
    eq = lower(r"y = \log \Big( \exp^{-\frac{1}{2} x^2} \Big)")
    assert eq.checkable and eq.sympy_text == lower(r"y = \log \Big( e^{-\frac{1}{2} x^2} \Big)").sympy_text
    assert lower(r"y = \exp^2(x)").sympy_text[0].replace(" ", "") == "exp(2*x)"  # \exp^2(x) stays exp(x)²


def test_a_range_written_with_its_first_two_numbers_is_read():
    f = read_equation_file("unit.tex", r"R_T \in \{0, 1, \ldots, T\}")
    assert not any(d.name in ("latex-syntax", "unsupported-notation") for d in f.diagnostics)


def test_square_brackets_around_an_array_then_a_subscript_are_its_entry():
    tex = r"[\mathbf{o}]_i = \sum_j [\mathbf{W}]_{i,j} [\mathbf{x}]_j"
    eq = lower(tex)
    W, x = rng.normal(size=(3, 4)), rng.normal(size=4)
    assert eq.checkable and np.allclose(_value(eq, W=W, x=x).ravel(), W @ x)
    assert "read-bracketed-entry" in _readings(tex)
    conv = read_equation_file("unit.tex",
                              r"[\mathbf{H}]_{i,j} = \sum_a \sum_b [\mathbf{V}]_{a,b} [\mathbf{X}]_{i+a,j+b}")
    assert not any(d.name == "unsupported-notation" for d in conv.diagnostics)  # read; its ranges are not given


def test_a_function_at_two_items_of_one_equation_gives_two_inputs():
    eq = lower(r"k(\mathbf x_i, \mathbf x_j) = \phi(\mathbf x_i) \phi(\mathbf x_j)")
    names = {s.name for s in eq.inputs}
    assert {"phi_xi", "phi_xj"} <= names  # φ(x_i) and φ(x_j) had been one input phi, silently
    per_item = lower(r"L = \sum_n (f(x_n) - y_n)^2")
    assert "f" in {s.name for s in per_item.inputs}  # φ(x_n) under a sum stays the values per item


def test_and_between_two_equations_separates_them_and_inside_a_condition_does_not():
    f = read_equation_file("unit.tex", r"\hat{v}_t = \frac{v_t}{1 - \beta_1^t} \text{ and }"
                                       r" \hat{s}_t = \frac{s_t}{1 - \beta_2^t}")
    assert [e.name for e in f.equations] == ["v_hat", "s_hat"]  # ŝ's formula had been v̂'s value, silently
    assert not any(s.name.startswith("s") for s in f.equations[0].inputs)
    f = read_equation_file("unit.tex", r"f(x) = 1 \text{ if } x > 0 \text{ and } y = 1")
    assert len(f.equations) == 1


def test_a_sum_over_the_members_of_a_batch_is_not_a_sum_of_positions():
    f = read_equation_file("unit.tex", r"\hat{\boldsymbol{\mu}}_\mathcal{B} = \frac{1}{|\mathcal{B}|}"
                                       r" \sum_{\mathbf{x} \in \mathcal{B}} \mathbf{x}")
    # it had summed the integers 1 … n, silently; the members are now summed as the set's items (D24)
    assert f.equations[0].checkable and len(f.equations[0].output_shape) == 1
    assert lower(r"s = \sum_{i \in \mathcal{V}} x_i").checkable  # an index over a named set stays
    assert lower(r"L = \sum_{p \in S} (f(p) - y_p)^2").checkable  # f(p): the given values per item (D13)
