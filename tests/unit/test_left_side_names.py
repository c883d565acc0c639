"""Left sides (issue 12, lead): capitals run together with a subscript name one array (`PE_i`), and a
left side that defines every other entry (`p_{i,2j} = \\sin(…)`, the positional encoding) is not
checkable with that reason — both had been read as an identity about a product or an input, silently."""

from __future__ import annotations

from unit_support import lower, readings

from eq2code.equation.semantics import read_equation_file


def _first(tex: str):
    return read_equation_file("unit.tex", f"$${tex}$$\n").equations[0]


def test_capitals_with_a_subscript_name_one_array():
    eq = _first(r"PE_i = x_i + 1")
    assert (eq.kind, eq.name, eq.checkable) == ("definition", "PE", True)
    assert [s.name for s in eq.inputs] == ["x"]


def test_entries_every_other_index_are_not_checkable_with_the_reason():
    for tex in (r"p_{i, 2j} = \sin\left(\frac{i}{10000^{2j/d}}\right)",
                r"PE_{(pos, 2i+1)} = \cos\left(\frac{pos}{10000^{2i/d}}\right)"):
        eq = _first(tex)
        assert not eq.checkable and eq.why is not None and eq.why.phrase == "eq-entries-at-scaled-index"


def test_a_step_subscript_stays_a_step():
    eq = _first(r"w_{t+1} = w_t - \eta g_t")
    assert eq.checkable and eq.kind == "definition"


def test_a_numbered_component_at_the_next_step_is_an_update_of_its_state():
    # the Markov chain of a random walk: p_0(t+1) had been read as p_0 times (t + 1), an identity
    eq = _first(r"p_0(t+1) = p_0(t) + \frac{1}{2} p_1(t)")
    assert eq.kind == "definition" and eq.checkable
    assert sorted(s.name for s in eq.inputs) == ["p_0_t", "p_1_t"]


def test_a_formula_equal_to_a_fraction_is_a_constraint():
    # exp(b_c) = 1/4, w_a(1 + 4 w_ac) = 113/7: conditions a worked solution imposes, not computations
    for tex in (r"\exp(b_c) = \frac{1}{4}", r"w_a(1+4w_{ac}) = \frac{113}{7}"):
        eq = _first(tex)
        assert not eq.checkable and eq.kind in ("statement", "definition")  # exp(b_c) = ¼: a value stated


def test_a_sum_up_to_the_left_sides_step_counts_iterates_not_powers():
    # h^k = (w^1 + ⋯ + w^k)/k, the running average of the iterates, had summed the powers w, w², …
    eq = _first(r"h^{k} = \frac{w^1 + w^2 + w^3 + \cdots + w^k}{k}")
    assert eq.checkable and {s.name: tuple(s.shape) for s in eq.inputs}["w"] == ("k",)
    poly = _first(r"p(x) = \sum_{i=0}^{n} a_i x^i")  # no step on the left: powers
    assert "x**i" in poly.sympy_text[0]


def test_a_display_continuing_an_earlier_one_is_its_value_when_alone():
    eq = _first(r"= \frac{1}{2}\sum_{j=1}^{n} (w_j x_j - y_j)^2")
    assert eq.kind == "definition" and eq.checkable and eq.name == "value"
    doc = read_equation_file("unit.tex", "$$L = x^2$$\n\n$$= x \\cdot x$$\n")  # beside its start: not guessed
    assert [e.checkable for e in doc.equations] == [True, False]


def test_ell_above_a_symbol_is_its_layer():
    eq = _first(r"z^\ell = W^\ell a^{\ell-1} + b^\ell")
    assert "**" not in eq.sympy_text[0]  # a^{ℓ-1} is the previous layer's value, no power
    series = _first(r"y = \sum_{\ell=0}^{L} a_\ell x^\ell")  # a sum over ℓ: powers
    assert "x**ell" in series.sympy_text[0]


def test_a_continued_line_with_an_index_its_lost_left_side_bound_stays_unread():
    eq = _first(r"= \sum_{j \in \mathcal{N}_i} \langle w_j^\ell, h_{ij}^\ell \rangle")
    assert not eq.checkable


def test_t_between_two_vectors_is_a_transpose_and_said():
    # θ^T x, w^T x + b, w_j^T x written with the letter T: a transpose (it was the power θ^T by an input T)
    for tex, text in ((r"y = \theta^T x", "theta.T*x"), (r"z = w^T x + b", "w.T*x"),
                      (r"L = \sum_{j} \max(0, w_j^T x - 1)", "w[j].T*x")):
        eq = _first(tex)
        assert text in eq.sympy_text[0] and "T" not in {s.name for s in eq.inputs}, tex
    assert "x**T" in _first(r"y = x^T").sympy_text[0]  # nothing to dot it with: a power, said
    declared = read_equation_file("unit.tex", "$$T \\in \\mathbb{R}$$\n$$y = \\theta^T x$$\n").main
    assert declared is not None and "T" in {s.name for s in declared.inputs}


def test_a_label_used_as_another_symbols_subscript_is_one_examples_class():
    # L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ) with nothing declared: i names the example, y_i its class, an
    # entry of s (drawn from s's positions); it had been "an index of s is out of range"
    eq = _first(r"L_i = \sum_{j\neq y_i} \max(0, s_j - s_{y_i} + \Delta)")
    spaces = {s.name: s.space.kind for s in eq.inputs}
    assert eq.checkable and spaces["y_i"] == "categorical" and "s_y_i" not in spaces


def test_a_model_named_with_its_parameters_below_it_is_defined_by_the_right_side():
    f = read_equation_file("unit.tex", r"$$g_{\mathbf{a},c} = a_1 u_1 + \cdots + a_m u_m + c$$")
    assert f.main is not None and f.main.name == "g_ac"
    assert {"a", "u", "c"} <= {s.name for s in f.main.inputs}
    assert "read-parameter-subscript" in readings(r"$$g_{\mathbf{a},c} = a_1 u_1 + \cdots + a_m u_m + c$$")


def test_indices_below_the_letter_stay_entries():
    eq = lower(r"g_{i,j} = u_i v_j")
    assert eq.name == "g" and "read-parameter-subscript" not in readings(r"$$g_{i,j} = u_i v_j$$")
