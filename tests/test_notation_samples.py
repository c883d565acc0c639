"""Issue 12: the sample and step labels of Andrew Ng's notes (𝐱^{(i)}, a^{⟨t⟩}) and a model named
with its parameters (f_{𝐰,b}) — read with their ordinary meaning, each reading said."""

from __future__ import annotations

import numpy as np

from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

rng = np.random.default_rng(14)

COST = "$$J(w,b) = \\frac{1}{2m} \\sum\\limits_{i = 0}^{m-1} (w x^{(i)} + b - y^{(i)})^2$$\n"
MODEL = "$$ f_{\\mathbf{w},b}(\\mathbf{x}) = \\mathbf{w} \\cdot \\mathbf{x} + b $$\n\n"
VECTOR_COST = "$$J(\\mathbf{w},b) = \\frac{1}{2m} \\sum\\limits_{i = 0}^{m-1} " \
              "(f_{\\mathbf{w},b}(\\mathbf{x}^{(i)}) - y^{(i)})^2$$\n"


def read(text: str):
    return read_equation_file("eq.tex", text)


def readings(f) -> list[str]:
    """The keys of the readings said (ambiguous-notation infos)."""
    out = []
    for d in f.diagnostics:
        if d.name == "ambiguous-notation":
            reading = d.params.get("reading")
            out.append(getattr(reading, "phrase", str(reading)))
    return out


def test_undeclared_samples_under_a_sum_are_entries_of_vectors():
    f = read(COST)
    eq = f.main
    assert eq is not None and eq.checkable
    shapes = {s.name: len(s.shape) for s in eq.inputs}
    assert {k: shapes[k] for k in ("w", "x", "b", "y")} == {"w": 0, "x": 1, "b": 0, "y": 1}
    x, y = rng.normal(size=5), rng.normal(size=5)
    got = evaluate(eq, {"w": 0.7, "x": x, "b": -0.2, "y": y}, {"m": 5})
    assert np.isclose(float(got), np.sum((0.7 * x - 0.2 - y) ** 2) / 10)
    assert readings(f).count("read-sample-item") == 2  # said, for x and y


def test_a_symbol_also_written_alone_keeps_its_label():
    # y also appears by itself: y^{(i)} is not read as its entry (stays a value of its own)
    f = read("$$ z = y + \\sum_{i=1}^{n} y^{(i)} $$")
    assert "read-sample-item" not in readings(f)


def test_model_named_with_its_parameters_is_a_function_the_cost_applies():
    f = read(MODEL + VECTOR_COST)
    model, cost = f.equations
    assert model.checkable and model.key == "f_wb"
    assert cost.checkable and f.main is cost
    shapes = {s.name: len(s.shape) for s in cost.inputs}
    # 𝐱^{(i)}: row i of the samples x
    assert {k: shapes[k] for k in ("w", "b", "x", "y")} == {"w": 1, "b": 0, "x": 2, "y": 1}
    x, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    sizes = {"m": 6, "n_w2": 3}
    got = evaluate(cost, {"w": w, "b": 0.4, "x": x, "y": y}, sizes)
    assert np.isclose(float(got), np.sum((x @ w + 0.4 - y) ** 2) / 12)
    assert "read-sample-item-row" in readings(f)


def test_scalar_model_with_parameter_subscripts():
    f = read("$$f_{w,b}(x^{(i)}) = wx^{(i)} + b$$\n\n" + COST.replace("w x^{(i)} + b", "f_{w,b}(x^{(i)})"))
    assert [e.checkable for e in f.equations] == [True, True]


def test_time_step_in_angle_brackets_is_a_label():
    for latex in ("a^{\\langle t \\rangle} = \\tanh(W_{ax} x^{\\langle t \\rangle} "
                  "+ W_{aa} a^{\\langle t-1 \\rangle} + b_a)",
                  "a^{<t>} = \\tanh(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)"):
        f = read(f"$${latex}$$\n")
        eq = f.main
        assert eq is not None and eq.checkable, [d.params for d in f.diagnostics]
        assert eq.key == "a^(t)"
        assert {s.name for s in eq.inputs} >= {"a__t_prev", "x__t"}


def test_angle_brackets_alone_stay_an_average():
    f = read("$$ m = \\langle x \\rangle $$\n")
    assert f.main is None or not f.main.checkable


BCE = ("J = -\\frac{1}{m} \\sum\\limits_{i = 1}^{m} \\large{(} \\small y^{(i)}\\log\\left(a^{[2] (i)}\\right) "
       "+ (1-y^{(i)})\\log\\left(1- a^{[2] (i)}\\right) \\large{)}")


def test_sized_braced_brackets_and_layer_with_sample_labels():
    f = read(f"$${BCE}$$\n")
    eq = f.main
    assert eq is not None and eq.checkable
    shapes = {s.name: len(s.shape) for s in eq.inputs}
    assert shapes["a__2"] == 1 and shapes["y"] == 1  # a^{[2](i)}: sample i of layer 2's a, not a^{2i}
    a, y = rng.uniform(0.1, 0.9, size=4), rng.integers(0, 2, size=4).astype(float)
    got = evaluate(eq, {"a__2": a, "y": y}, {"m": 4})
    assert np.isclose(float(got), -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))


def test_double_mid_is_a_norm_and_run_together_words_are_names():
    f = read("$$ difference = \\frac {\\mid\\mid grad - gradapprox \\mid\\mid_2}"
             "{\\mid\\mid grad \\mid\\mid_2 + \\mid\\mid gradapprox \\mid\\mid_2} $$\n")
    eq = f.main
    assert eq is not None and eq.checkable
    assert {s.name for s in eq.inputs} == {"grad", "gradapprox"}
    assert "read-word" in readings(f)
    got = evaluate(eq, {"grad": 3.0, "gradapprox": 1.0}, {})
    assert np.isclose(float(got), 2 / 4)


def test_spaced_letters_stay_a_product():
    f = read("$$ y = a b c d $$\n")
    assert {s.name for s in f.main.inputs} == {"a", "b", "c", "d"}


def test_exp_with_a_superscript_and_newline_rows():
    f = read("$$ p = \\exp^{-x} $$\n")
    assert f.main is not None and f.main.checkable
    assert np.isclose(float(evaluate(f.main, {"x": 0.5}, {})), np.exp(-0.5))
    f = read("$$\\begin{align*} u &= a + b \\newline v &= 2u \\end{align*}$$\n")
    assert [e.key for e in f.equations] == ["u", "v"]


def test_accumulation_is_an_update_and_d_capital_is_a_gradient_name():
    f = read("$$ dA \\mathrel{+}= \\sum_{h=1}^{n_H} \\sum_{w=1}^{n_W} W_c \\times dZ_{hw} $$\n")
    eq = f.main
    assert eq is not None and eq.checkable and eq.key == "dA"
    assert {"read-gradient-name", "read-accumulation"} <= set(readings(f))
    dz = rng.normal(size=(2, 3))
    got = evaluate(eq, {"dA": 1.5, "W_c": 0.5, "dZ": dz}, {"n_H": 2, "n_W": 3})
    assert np.isclose(float(got), 1.5 + 0.5 * dz.sum())
    f = read("$$ v -= 2u $$\n")
    assert np.isclose(float(evaluate(f.main, {"v": 1.0, "u": 3.0}, {})), -5.0)


def test_derivatives_keep_their_d():
    f = read("$$ \\frac{dC}{dX} = 2X $$\n")
    assert "read-gradient-name" not in readings(f)
    f = read("$$ y = d \\, A + 1 $$\n")
    assert "read-gradient-name" not in readings(f)


def test_bracket_not_closed_before_the_one_around_it_is_closed_there():
    f = read("$$ J = \\frac{1}{m}\\sum_{i=1}^{m} \\left[ (-y_i \\log(p_i) - (1 - y_i) \\log(1 - p_i) \\right] $$\n")
    eq = f.main
    assert eq is not None and eq.checkable
    bracket = [d for d in f.diagnostics if d.name == "unbalanced-bracket"]
    assert len(bracket) == 1 and bracket[0].params["where"].phrase == "closed-before-outer"
    p, y = rng.uniform(0.1, 0.9, size=3), np.array([1.0, 0.0, 1.0])
    got = evaluate(eq, {"y": y, "p": p}, {"m": 3})
    assert np.isclose(float(got), np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


def test_bracket_never_closed_on_a_row_is_closed_at_its_end():
    f = read("$$\\begin{align} L &= (-(0) \\log(p) - (1 - 0) \\log(1 - p) \\\\ &= -\\log(1 - p) \\end{align}$$\n")
    bracket = [d for d in f.diagnostics if d.name == "unbalanced-bracket"]
    assert len(bracket) == 1 and bracket[0].params["where"].phrase == "closed-at-row-end"
    assert f.equations and f.equations[0].key == "L"


def test_layout_of_an_algorithm_block_tags_and_row_spacing():
    f = read("$$\\begin{align*} \\text{repeat}&\\text{ until convergence:} \\; \\lbrace \\newline\n"
             "\\;  w &= w -  \\alpha g \\tag{3}  \\; \\newline \n b &= b -  \\alpha h  \\newline \\rbrace\n"
             "\\end{align*}$$\n")
    assert [e.key for e in f.equations if e.checkable] == ["w", "b"]
    f = read("$$\\begin{align*} & L_1 = \\sum_{i=0}^m|y_i - t_i| \\end{align*}\\tag{6}$$\n")
    assert f.main is not None and f.main.checkable
    f = read("$$\\begin{aligned} u &= a + b \\\\[8pt] v &= [a, b] \\end{aligned}$$\n")
    assert [e.key for e in f.equations][:1] == ["u"] and len(f.equations) == 2


def test_name_equal_to_a_derivative_equal_to_a_formula_is_defined_by_the_formula():
    f = read("$$ dW = \\frac{\\partial J }{\\partial W} = \\frac{1}{m} dZ A^\\top $$\n")
    eq = f.main
    assert eq is not None and eq.checkable and eq.key == "dW"
    assert "read-derivative-value" in readings(f)
    assert "dJ_dW" not in {s.name for s in eq.inputs}  # not a given gradient
    f = read("$$ dW^{[l]} = \\frac{\\partial \\mathcal{J} }{\\partial W^{[l]}} "
             "= \\frac{1}{m} dZ^{[l]} A^{[l-1] T} $$\n")
    assert f.main is not None and f.main.key == "dW^(l)"
    assert "A__l_prev" in {s.name for s in f.main.inputs}


def test_power_after_a_function_bracket_is_on_its_value():
    f = read("$$ y = 1 - \\tanh(x)^2 $$\n")
    assert np.isclose(float(evaluate(f.main, {"x": 0.3}, {})), 1 - np.tanh(0.3) ** 2)


def test_scripted_words_on_the_left_name_what_is_defined():
    for latex, key in (("err_m = a + b", "err_m"), ("context^{\\langle t \\rangle} = a + b", "context^(t)")):
        f = read(f"$$ {latex} $$\n")
        assert f.main is not None and f.main.kind == "definition" and f.main.key == key


def test_angle_label_with_two_items_is_no_inner_product():
    f = read("$$ c^{<t>} = \\sum_{s = 1}^{T_x} \\alpha^{<t,s>}a^{<s>} $$\n")
    # a two-item label, never α^{t·s}: its last item is the sum's index, entry s of the vector α^{<t>} (en15)
    assert f.main is not None and {s.name: len(s.shape) for s in f.main.inputs if s.role != "size"} == {
        "alpha__t": 1, "a": 1}


def test_gradient_names_of_greek_accented_and_subscripted_letters():
    f = read("$$ d\\Gamma_o^{\\langle t \\rangle} = da_{next} \\tanh(c_{next}) $$\n")
    eq = f.main
    assert eq is not None and eq.kind == "definition" and eq.key.startswith("dGamma")
    assert {s.name for s in eq.inputs} == {"da_next", "c_next"}
    f = read("$$ d \\tilde c^{\\langle t \\rangle} = dc_{next} \\Gamma_u $$\n")
    assert f.main is not None and f.main.kind == "definition"
    f = read("$$ y = d x + 1 $$\n")  # a plain small letter after d, spaced: a product as written
    assert {s.name for s in f.main.inputs} == {"d", "x"}


def test_undeclared_softmax_argument_is_a_vector():
    f = read("$$ a^{(i)} = softmax(z^{(i)}) $$\n")
    eq = f.main
    assert eq is not None and eq.checkable and "read-softmax-vector" in readings(f)
    z = rng.normal(size=4)
    got = evaluate(eq, {"z__i": z}, {"n_z__i": 4})
    assert np.allclose(got, np.exp(z) / np.exp(z).sum())


def test_text_typed_spaces_and_function_names():
    f = read("$$ W = W - \\alpha \\text{ } dW $$\n")
    assert f.main is not None and f.main.checkable
    f = read("$$ \\text { Attention }(Q, K, V)=\\operatorname{softmax}\\left(\\frac{Q K^{T}}{\\sqrt{d_{k}}}\\right) V"
             " $$\n")
    assert f.main is not None and f.main.key == "Attention" and f.main.checkable
    f = read("$$ \\text{CosineSimilarity(u, v)} = \\frac {u \\cdot v} {||u||_2 ||v||_2} $$\n")
    assert f.main is not None and f.main.key == "CosineSimilarity"


def test_perp_in_a_script_and_a_word_superscript_are_labels():
    f = read("$$ e_1 = e_{w1B}^{corrected} + \\mu_{\\perp} $$\n")
    assert {s.name for s in f.main.inputs} == {"e_w1B_corrected", "mu_perp"}
    assert "read-word-label" in readings(f)
    f = read("$$ y = x^{ab} + 1 $$\n")  # two letters: still a power
    assert np.isclose(float(evaluate(f.main, {"x": 2.0, "a": 1.0, "b": 3.0}, {})), 9.0)


def test_network_at_a_step_applied_to_that_steps_values_is_given():
    f = read("\\mathbf{z}_t \\in \\mathbb{R}^{D}\n\n"
             "$$ y = \\mathbf{z}_t - \\mbox{\\bf g}_t[\\mathbf{z}_{t},\\boldsymbol\\phi_t] $$\n")
    eq = f.main
    assert eq is not None and eq.checkable and "g" in {s.name for s in eq.inputs}
    f = read("$$ y = f_t(x) + 1 $$\n")  # f_t of an argument without the step: a function named f_t
    assert f.main is None or not f.main.checkable


def test_bold_capitals_side_by_side_are_a_matrix_product():
    f = read("$$ \\mathbf{H} = \\mathbf{X} \\mathbf{W} + \\mathbf{b} $$\n")
    eq = f.main
    shapes = {s.name: len(s.shape) for s in eq.inputs}
    assert {k: shapes[k] for k in ("X", "W", "b")} == {"X": 2, "W": 2, "b": 1}
    X, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=2)
    sizes = {"n_X": 3, "n_X_2": 4, "n_W": 4, "n_W_2": 2, "n_b": 2}
    got = evaluate(eq, {"X": X, "W": W, "b": b, "n_X": 3}, sizes)
    assert np.allclose(got, X @ W + b)
    f = read("$$ TP = T P $$\n")  # plain capitals stay no evidence of matrices
    assert (f.main is not None and not f.main.inputs) or {s.name for s in f.main.inputs} <= {"T", "P", "TP"}


def test_underset_with_an_unbraced_operator_is_read():
    f = read("$$ f'(x) = \\underset{\\epsilon \\to 0}\\lim\\dfrac{f(x + \\epsilon) - f(x)}{\\epsilon} $$\n")
    assert not any(d.name in ("latex-syntax", "unsupported-notation") for d in f.diagnostics)
    f = read("$$ a \\overset{!}= b + 1 $$\n")
    assert f.main is not None and f.main.checkable


def test_plain_n_with_a_bar_is_the_normal_density():
    f = read("$$ p = N(x \\mid \\mu, \\sigma^2) $$\n")
    assert f.main is not None and f.main.checkable
    got = evaluate(f.main, {"x": 0.5, "mu": 0.1, "sigma": 2.0}, {})
    assert np.isclose(float(got), np.exp(-(0.4 ** 2) / 8) / np.sqrt(2 * np.pi * 4))
    f = read("$$ y = N(x) + 1 $$\n")  # no bar: not a density
    assert f.main is None or not f.main.checkable


def test_a_left_subscript_that_is_only_a_name_on_the_right_labels_the_value():
    f = read("$$ r_{xy} =\\frac{\\sum ^n _{i=1}(x_i - \\bar{x})(y_i - \\bar{y})}"
             "{\\sqrt{\\sum ^n _{i=1}(x_i - \\bar{x})^2} \\sqrt{\\sum ^n _{i=1}(y_i - \\bar{y})^2}} $$\n")
    assert f.main is not None and f.main.checkable and f.main.key == "r_xy"
    f = read("$$ y_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}} $$\n")  # k indexes z: still the output's index
    assert f.main is not None and f.main.checkable and f.main.key == "y"


def test_output_size_formula_reads_its_words_and_scripted_names():
    f = read("$$ n_H = \\Bigl\\lfloor \\frac{n_{H_{prev}} - f + 2 \\times pad}{stride} \\Bigr\\rfloor +1 $$\n")
    eq = f.main
    assert eq is not None and eq.checkable and eq.key == "n_H"
    assert {s.name for s in eq.inputs} == {"n_H_prev", "f", "pad", "stride"}  # never p·a·d, never n[H_prev]
    got = evaluate(eq, {"n_H_prev": 7.0, "f": 3.0, "pad": 1.0, "stride": 2.0}, {})
    assert float(got) == 4.0
    f = read("$$ y = abc + 1 $$\n")  # three letters and no word beside them: a product
    assert {s.name for s in f.main.inputs} == {"a", "b", "c"}
