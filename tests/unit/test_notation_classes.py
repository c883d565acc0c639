"""Generic notation classes of English ML teaching material (issue 12, helper en15): the indicator
written with braces, entries of a sample's vector, sums written without a range, derivatives named
with their arguments or in operator form on the left, concatenation in a matrix product, labels with
commas. Each reading is said; each test is on a small equation written here, never a quote."""

from __future__ import annotations

import numpy as np
from unit_support import lower
from unit_support import readings as _readings
from unit_support import value as _value

from eq2code.equation.semantics import read_equation_file

rng = np.random.default_rng(15)


def _names(eq) -> dict[str, int]:
    return {s.name: len(s.shape) for s in eq.inputs if s.role != "size"}


# -- the indicator written with braces ---------------------------------------------------------

def test_one_then_braces_around_a_comparison_is_the_indicator_and_said():
    tex = r"L = -\sum_{i=1}^{m} \sum_{j=1}^{K} 1\{y_i = j\} \log p_{ij}"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"y": 1, "p": 2}
    p = rng.uniform(0.1, 1.0, size=(4, 3))
    y = np.array([1.0, 3.0, 2.0, 1.0])
    want = -sum(np.log(p[i, int(y[i]) - 1]) for i in range(4))
    assert np.allclose(_value(eq, y=y, p=p), want)
    assert "read-indicator-braces" in _readings(tex)


def test_blackboard_one_with_sized_braces_is_the_indicator():
    eq = lower(r"c = \sum_{i=1}^{n} \mathbb{1}\left\{y_i == k\right\}")
    assert eq.checkable
    assert np.allclose(_value(eq, y=np.array([1.0, 2.0, 2.0, 5.0]), k=np.array(2.0)), 2)


def test_braces_around_a_list_stay_a_set():
    f = read_equation_file("unit.tex", r"s = 1\{a, b\}")
    assert f.main is None and "read-indicator-braces" not in _readings(r"s = 1\{a, b\}")


# -- entries of a sample's vector ----------------------------------------------------------------

def test_a_sample_label_with_a_subscript_under_the_sum_is_an_entry_of_an_array():
    tex = r"g_j = \frac{1}{m} \sum_{i=1}^{m} (y^{(i)} - t^{(i)}) x_j^{(i)}"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"y": 1, "t": 1, "x": 2}
    x, y, t = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=5)
    assert np.allclose(_value(eq, x=x, y=y, t=t), (y - t) @ x / 5)
    assert "read-sample-item-entry" in _readings(tex)


def test_softmax_entries_of_a_sample_are_entries_of_one_row():
    eq = lower(r"J = -\sum_{i=1}^{m} \log \frac{e^{z^{(i)}_1}}{\sum_{k=1}^{K} e^{z^{(i)}_k}}")
    z = rng.normal(size=(4, 3))
    want = -np.sum(np.log(np.exp(z[:, 0]) / np.exp(z).sum(axis=1)))
    assert np.allclose(_value(eq, z=z), want)


def test_a_declared_labelled_vector_keeps_its_entries():
    tex = "$$\nz^{(i)} \\in \\mathbb{R}^K\n$$\n\n$$\ns = \\sum_{i=1}^{m} z^{(i)}_1\n$$\n"
    eq = lower(tex)
    assert "read-sample-item-entry" not in _readings(tex) and _names(eq).get("z__i") == 1


# -- sums written without a range --------------------------------------------------------------

def test_a_sum_without_range_over_data_and_its_mean_is_over_every_entry_and_said():
    tex = r"R = \frac{\sum (\hat{y} - \bar{y})^2}{\sum (y - \bar{y})^2}"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"y_hat": 1, "y": 1}
    y, y_hat = rng.normal(size=6), rng.normal(size=6)
    want = np.sum((y_hat - y.mean()) ** 2) / np.sum((y - y.mean()) ** 2)
    assert np.allclose(_value(eq, y=y, y_hat=y_hat), want)
    readings = _readings(tex)
    assert "read-bigop-all-entries" in readings and "read-mean-of-data" in readings


def test_a_prediction_beside_its_target_under_a_sum_without_range_are_both_data():
    eq = lower(r"SSE = \sum (y - \hat{y})^2")
    y, y_hat = rng.normal(size=5), rng.normal(size=5)
    assert np.allclose(_value(eq, y=y, y_hat=y_hat), np.sum((y - y_hat) ** 2))


def test_a_sum_without_range_with_parameters_beside_the_data_names_no_index():
    f = read_equation_file("unit.tex", r"S = \sum (y - wx - b)^2")
    assert f.main is None and "read-bigop-all-entries" not in _readings(r"S = \sum (y - wx - b)^2")


def test_an_inner_sum_without_range_has_its_own_index():
    eq = lower(r"r = n\sum x_i y_i - \sum x_i \sum y_i")
    x, y = rng.normal(size=5), rng.normal(size=5)
    assert np.allclose(_value(eq, x=x, y=y, n=np.array(5.0)), 5 * x @ y - x.sum() * y.sum())


def test_a_sum_without_range_over_a_two_letter_subscript_runs_over_both():
    eq = lower(r"l = \sum |\theta_{ij}|")
    theta = rng.normal(size=(3, 4))
    assert np.allclose(_value(eq, theta=theta), np.abs(theta).sum())


def test_a_sum_over_all_entries_said_in_words_runs_over_every_entry_of_the_arrays():
    tex = r"J = \frac{1}{4 n}\sum_{\text{all entries}} (a^{(C)} - a^{(G)})^2"
    eq = lower(tex)
    a, b = rng.normal(size=7), rng.normal(size=7)
    names = sorted(s.name for s in eq.inputs if s.role != "size" and s.name != "n")
    assert np.allclose(_value(eq, n=np.array(2.0), **{names[0]: a, names[1]: b}), np.sum((a - b) ** 2) / 8)
    assert "read-bigop-all-entries" in _readings(tex)


# -- derivatives named on the left ---------------------------------------------------------------

def test_a_derivative_written_with_its_arguments_is_the_derivative_and_said():
    tex = r"\frac{df}{dz}(x, z) = 6x^2 z^2"
    eq = lower(tex)
    assert eq.checkable and eq.name == "df_dz"
    assert np.allclose(_value(eq, x=np.array(2.0), z=np.array(3.0)), 6 * 4 * 9)
    readings = _readings(tex)
    assert "read-derivative-arguments" in readings and "read-derivative-value" in readings


def test_the_operator_form_on_a_name_is_the_derivative_of_that_name():
    tex = r"\frac{\partial}{\partial w} \text{MSE} = \frac{2}{n}\sum_{i=1}^{n} (w x_i - y_i) x_i"
    eq = lower(tex)
    assert eq.checkable and eq.name == "dMSE_dw"
    x, y = rng.normal(size=5), rng.normal(size=5)
    assert np.allclose(_value(eq, x=x, y=y, w=np.array(0.5)), 2 / 5 * np.sum((0.5 * x - y) * x))


def test_a_derivative_applied_to_a_computed_point_keeps_its_reading():
    f = read_equation_file("unit.tex", r"\frac{df}{dz}(x + 1) = 2")
    assert "read-derivative-arguments" not in [d.params["reading"].phrase for d in f.diagnostics
                                               if d.name == "ambiguous-notation"]


# -- superscript label lists ---------------------------------------------------------------------

def test_a_superscript_list_of_labels_is_one_name_and_said():
    tex = r"\mathbf{w}^{0,1} = \mathbf{w}^{0,0} + \alpha \mathbf{d}^{0,1}"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"w__0_0": 1, "alpha": 0, "d__0_1": 1}
    w, d = rng.normal(size=3), rng.normal(size=3)
    assert np.allclose(_value(eq, w__0_0=w, d__0_1=d, alpha=np.array(0.1)), w + 0.1 * d)
    assert "read-label-list" in _readings(tex)


def test_a_label_list_ending_in_a_sums_index_is_an_entry_of_the_labelled_vector():
    tex = r"c^{<t>} = \sum_{s=1}^{T} \alpha^{<t,s>} v_s"
    eq = lower(tex)
    a, v = rng.normal(size=4), rng.normal(size=4)
    assert np.allclose(_value(eq, alpha__t=a, v=v), a @ v)
    assert "read-label-list-index" in _readings(tex)


# -- an entry of a computed vector ----------------------------------------------------------------

def test_an_entry_of_softmax_on_the_right_runs_over_the_vectors_entries():
    eq = lower(r"p_i = \mathrm{softmax}(\mathbf{z})_i")
    z = rng.normal(size=4)
    assert eq.checkable and np.allclose(_value(eq, z=z), np.exp(z) / np.exp(z).sum())


# -- a chain that names a model, then gives its formula --------------------------------------------

def test_a_form_naming_an_undefined_model_beside_its_formula_is_its_name():
    tex = r"\hat{y} = f(\mathbf{x}) = \mathbf{w}^\top \mathbf{x} + b"
    eq = lower(tex)
    assert eq.checkable and _names(eq) == {"w": 1, "x": 1, "b": 0}
    w, x = rng.normal(size=3), rng.normal(size=3)
    assert np.allclose(_value(eq, w=w, x=x, b=np.array(0.5)), w @ x + 0.5)
    readings = _readings(tex)
    assert "read-form-not-read" in readings and "read-function-values" not in readings


def test_a_model_named_alone_stays_not_checkable():
    f = read_equation_file("unit.tex", r"\hat{y} = f(x) = g(x)")
    assert f.main is None


# -- a derivative by a variance ----------------------------------------------------------------------

def test_the_derivative_by_sigma_squared_is_by_the_variance_and_said():
    tex = (r"g = \frac{\partial}{\partial \sigma^2} \left( -\frac{N}{2}\log(2\pi\sigma^2)"
           r" - \frac{1}{2\sigma^2}\sum_{n=1}^{N} (x_n - \mu)^2 \right)")
    eq = lower(tex)
    x, mu, sigma = rng.normal(size=5), np.array(0.3), np.array(1.7)
    s = np.sum((x - mu) ** 2)
    assert np.allclose(_value(eq, x=x, mu=mu, sigma=sigma), -5 / (2 * sigma**2) + s / (2 * sigma**4))
    assert "read-derivative-by-square" in _readings(tex)


def test_the_derivative_by_sigma_squared_of_sigma_alone_is_not_read():
    f = read_equation_file("unit.tex", r"g = \frac{\partial}{\partial \sigma^2} \sigma")
    assert f.main is None


def test_a_lone_name_in_a_chain_is_another_name_for_the_computed_value():
    tex = r"L = E = \frac{1}{n}\sum_{i=1}^{n} (y_i - t_i)^2"
    eq = lower(tex)
    assert "E" not in _names(eq) and {"read-form-name", "read-chain-name"} & set(_readings(tex))
    y, t = rng.normal(size=4), rng.normal(size=4)
    assert np.allclose(_value(eq, y=y, t=t), np.mean((y - t) ** 2))


def test_a_model_probability_labelled_by_its_parameters_is_a_named_probability():
    eq = lower(r"p_\theta(y = 1 \mid x) = \sigma(\theta^\top x)")
    theta, x = rng.normal(size=3), rng.normal(size=3)
    assert eq.checkable and np.allclose(_value(eq, theta=theta, x=x), 1 / (1 + np.exp(-theta @ x)))


def test_a_row_chosen_by_another_arrays_entry_is_no_name_of_its_own():
    tex = r"L = \log \sum_{c=1}^{C} e^{\mathbf{x}^T \mathbf{w}_c} - \mathbf{x}^T \mathbf{w}_{y_p}"
    f = read_equation_file("unit.tex", tex)
    assert f.main is None  # w_{y_p} beside the rows w_c: the row y_p chooses, not a second input w_y_p
