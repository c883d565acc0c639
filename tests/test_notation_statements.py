"""Notation of real notes that is read even when it is no computation (issue 12, unread ≤ 8 %):
group actions, evaluation bars, logic, quoted strings, relations that start a cell or a clause,
sized KL separators, `...`, `==` — each is parsed, and a block that holds it is reported
not checkable with a reason that says why, never as a syntax error or unknown notation. And the
neighbouring notation that *is* a computation (a bar inside a fraction, a norm after a
coefficient in brackets, a text label in a subscript) still computes."""

from __future__ import annotations

import numpy as np
import pytest

from eq2code.equation.latex import ir
from eq2code.equation.latex.parser import parse_math
from eq2code.equation.lowering import english
from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

UNREAD = {"latex-syntax", "unsupported-notation", "internal-error"}


def read(text: str):
    return read_equation_file("eq.tex", text)


def problems(f) -> list:
    return [(d.name, d.params) for d in f.diagnostics if d.name in UNREAD]


# -- read, not checkable, with the reason -------------------------------------------------------

STATEMENTS = {
    "group action": ("$$ [g.f](x) := f(g^{-1} x) $$", "group action"),
    "action after spacing": ("$$ \\big[r_{\\theta}\\,. f\\big](x) := f(r_\\theta^{-1} x) $$", "group action"),
    "pair acting": ("$$ [(x, g).f](y) := f(g^{-1}(y - x)) $$", "group action"),
    "evaluation bar": ("$$ y(t + h) = y(t) + h \\frac{dy}{dt}\\Big|_{t} $$", ""),
    "evaluation bar alone": ("$$ s = \\frac{d y}{d t}\\bigg|_{t=0} $$", "evaluation bar"),
    "left. right|": ("$$ s = \\left. \\frac{\\partial g}{\\partial x} \\right|_{x=0} $$", "evaluation bar"),
    "logical not": ("$$ c := \\lnot (a \\land b) \\land \\neg b $$", ""),
    "quoted string": ("$$ \\text{tf}(\"is\", d_3) = 3 $$", ""),
    "curly quotes": ("$$ s = \\text{count}(“the”) $$", ""),
    "implies after quad": ("$$ \\min_{w} L(w) \\quad \\Rightarrow \\quad w = 0 $$", "implication"),
    "sim in a matrix": ("$$ \\hat{y} = \\begin{pmatrix} \\sim 0 \\\\ \\sim 1 \\end{pmatrix} $$", ""),
    # "times as a unit" (\frac{0.78}{0.05} = 15.6\times): a worked example, checkable — test_worked_examples.py
    "ascii ellipsis": ("$$ \\text{Concat}(h_1,...,h_n) = H $$", ""),
    "forall two variables": ("$$ \\rho(a b) = \\rho(a) \\rho(b) \\quad \\forall a, b \\in G $$", ""),
    "scripted operator": ("$$ (f *_{\\mathrm{group}} k)(g) = a $$", "operator"),
    "oplus": ("$$ z = x \\oplus y $$", "operator"),
    "Pr": ("$$ p = \\Pr(X = 1) $$", "Pr"),
    "starred label": ("$$ L = E(W, Y^{* i}) - E(W, Y^{i}) $$", ""),
    "sized KL bars": ("$$ D = \\mathrm{KL}\\bigl[q(z) \\bigl|\\bigr| p(z)\\bigr] $$", ""),
    "mbox bold name": ("$$ \\mbox{\\bf f}_{t}[z] = z - \\mbox{\\bf g}_t[z] $$", ""),
    "equation* inside $$": ("$$\\begin{equation*} a \\ge b \\end{equation*}$$", "inequality"),
    # ranges over what is no input
    "sum over a set of a function": ("$$ g = \\sum_{p \\in \\hat{P}(u, z)} w_p $$", "set"),
    "argmin over permutations": ("$$ s = \\arg\\min_{\\sigma \\in S_K} \\sum_{k=1}^K (a_k - b_k)^2 $$", "set"),
    "sum over samples": ("$$ \\theta \\leftarrow \\theta - \\beta\\sum_{T_i \\sim p(T)} g_i $$", "samples"),
    "sum over neighbours": ("$$ h = \\sum_{v_k \\to v} s_k $$", "graph"),
}


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_read_and_reported_not_checkable(name):
    text, why = STATEMENTS[name]
    f = read(text)
    assert not problems(f), (name, problems(f))
    assert not any(e.checkable for e in f.equations), name
    reasons = " ".join(e.reason for e in f.equations)
    assert why in reasons, (name, reasons)


def test_action_is_a_notation_node():
    node = parse_math("[g.f](h) := f(g^{-1} h)")
    assert isinstance(node, ir.Chain)
    assert any(isinstance(n, ir.Notation) and n.what == "action" for n in node.walk())


def test_evaluation_bar_keeps_the_point():
    node = parse_math("\\frac{dy}{dt}\\Big|_{t_n}")
    assert isinstance(node, ir.Notation) and node.what == "evaluated"
    at = node.parts[1]
    assert isinstance(at, ir.Script) and isinstance(at.base, ir.Ident) and at.base.name == "t"


def test_full_stop_between_sentences_is_punctuation():
    node = parse_math("a = b. \\quad c = d")
    assert isinstance(node, ir.Statement) and len(node.clauses) == 2


def test_forall_keeps_a_definition_after_it():
    """`\\forall i, y_i = 2 x_i`: the definition stays a definition (only memberships join)."""
    f = read("$$ \\forall i, \\quad y_i = 2 x_i $$")
    assert any(e.checkable for e in f.equations)


# -- neighbouring notation that computes ---------------------------------------------------------

def _value(text: str, sizes: dict, **values):
    f = read(text)
    assert f.main is not None, problems(f) or [(d.name, d.params) for d in f.diagnostics]
    return np.asarray(evaluate(f.main, values, sizes), dtype=float)


def test_abs_inside_a_fraction_after_a_sum():
    x, y = np.array([1.0, -2.0, 3.0]), np.array([0.5, 0.5, 0.5])
    got = _value("$$ m = \\dfrac{\\sum_{i=1}^{n} |x_i - y_i|^2}{n} $$", {"n": 3}, x=x, y=y)
    assert np.isclose(got, np.mean((x - y) ** 2))


def test_norm_after_a_coefficient_in_brackets():
    x = np.array([1.0, 2.0, -2.0])
    got = _value("\\mathbf{x} \\in \\mathbb{R}^{n}\n\n$$ L = \\left[ \\frac{1}{2}\\|\\mathbf{x}\\|^2 \\right] $$",
                 {"n": 3}, x=x)
    assert np.isclose(got, 0.5 * x @ x)


def test_text_label_with_spaces_in_a_subscript():
    x = np.array([1.0, 2.0, 4.0])
    got = _value("$$ L_{\\text {train }} = \\frac{1}{n} \\sum_{i=1}^{n} x_i $$", {"n": 3}, x=x)
    assert np.isclose(got, x.mean())


def test_kl_separator_is_still_read_as_a_separator():
    node = parse_math("D(p \\| q) + p(x | z)")
    rels = [n.rels for n in node.walk() if isinstance(n, ir.Chain)]
    assert ["parallel"] in rels and ["mid"] in rels


def test_abs_after_a_coefficient_in_parentheses():
    node = parse_math("(2|x| + 1)")
    assert any(isinstance(n, ir.Abs) for n in node.walk())


def test_japanese_otherwise_in_cases():
    text = "$$ y = \\begin{cases} x & x > 0 \\\\ 0 & \\text{それ以外} \\end{cases} $$"
    x = np.array([-1.0, 2.0])
    assert np.allclose(_value(text, {"n_x": 2}, x=x), [0.0, 2.0])


def test_primed_index_in_a_normaliser():
    a = np.array([1.0, 2.0, 0.5])
    f = read("$$ p_k = \\frac{\\exp\\{a_k\\}}{\\sum_{k^\\prime} \\exp(a_{k^\\prime})} $$")
    assert f.main is not None, problems(f)
    sizes = {s.name: 3 for s in f.main.inputs if s.role == "size"} | {d: 3 for d in f.main.output_shape}
    got = np.asarray(evaluate(f.main, {"a": a}, sizes), dtype=float)
    assert np.allclose(got, np.exp(a) / np.exp(a).sum())


@pytest.mark.parametrize("sub", ["c \\in \\{1, \\ldots, C\\}", "1 \\le c \\le C"])
def test_listed_range_is_an_index_range(sub):
    s = np.array([0.5, 3.0, 1.0])
    assert np.isclose(_value(f"$$ m = \\max_{{{sub}}} s_c $$", {"C": 3}, s=s), 3.0)


def test_double_sum_over_two_indices():
    A = np.arange(6.0).reshape(2, 3)
    f = read("A \\in \\mathbb{R}^{m \\times n}\n\n$$ s = \\sum_{i,j} A_{ij} $$")
    assert f.main is not None, problems(f)
    assert np.isclose(float(evaluate(f.main, {"A": A}, {"m": 2, "n": 3})), A.sum())


@pytest.mark.parametrize("text", ["$$ \\text{損失} = \\frac{1}{N}\\sum_{i=1}^N (y_i - t_i)^2 $$",
                                  "$$ \\mathrm{損失}(y) = y^2 $$", "$$ 正解率 = \\frac{a}{n} $$"])
def test_japanese_names_are_names(text):
    f = read(text)
    assert not problems(f) and any(e.checkable for e in f.equations), problems(f)


def test_japanese_prose_stays_prose():
    node = parse_math("y \\quad \\text{のとき}")
    assert any(isinstance(n, ir.Text) for n in node.walk())


def test_slice_of_an_undeclared_matrix_is_not_checkable_not_a_syntax_error():
    f = read("$$ y = \\mathbf{X}_{:,j} $$")  # declared and at a given index it is read (D15)
    assert not [d.name for d in f.diagnostics if d.name in UNREAD]
    assert [d.name for d in f.diagnostics if d.name == "not-checkable"] == ["not-checkable"]


def test_power_T_on_an_undeclared_symbol_is_reported_as_a_reading():
    f = read("$$ y = w^T x $$")
    assert any(d.name == "ambiguous-notation" and "^T" in english(d.params["reading"]) for d in f.diagnostics)
    declared = read("\\mathbf{w}, \\mathbf{x} \\in \\mathbb{R}^{d}\n\n$$ y = \\mathbf{w}^T \\mathbf{x} $$")
    assert not any(d.name == "ambiguous-notation" for d in declared.diagnostics)


def test_indicator_of_a_comparison():
    y, t = np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 0.0, 3.0, 0.0])
    text = ("\\mathbf{y}, \\mathbf{t} \\in \\mathbb{R}^{N}\n\n"
            "$$ \\mathrm{acc} = \\frac{1}{N}\\sum_{i=1}^N \\mathbb{1}(y_i = t_i) $$")
    assert np.isclose(_value(text, {"N": 4}, y=y, t=t), 0.5)


def test_indicator_written_as_a_subscript():
    p = np.array([0.2, 0.3, 0.5])
    text = ("\\mathbf{p} \\in \\Delta^{K-1}, \\quad y \\in \\{1, \\ldots, K\\}\n\n"
            "$$ g_k = p_k - \\mathbb{1}_{y = k} $$")
    assert np.allclose(_value(text, {"K": 3}, p=p, y=2), [0.2, -0.7, 0.5])


def test_capital_I_without_a_comparison_is_no_indicator():
    f = read("A \\in \\mathbb{R}^{n \\times n}\n\n$$ B = A + I $$")
    assert all("Piecewise" not in t for e in f.equations for t in e.sympy_text)


def test_double_equals_is_a_comparison():
    node = parse_math("I[y==y_j]")
    assert isinstance(node, ir.Call) and isinstance(node.args[0], ir.Chain) and node.args[0].rels == ["eq"]
    f = read("$$ L = -\\sum_{j} I[t==y_j] $$")
    assert not problems(f) and f.main is not None and "Piecewise" in f.main.sympy_text[0]


def test_angle_brackets_are_the_inner_product():
    u, v = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    text = "\\mathbf{u}, \\mathbf{v} \\in \\mathbb{R}^{d}\n\n$$ s = \\langle \\mathbf{u}, \\mathbf{v} \\rangle $$"
    assert np.isclose(_value(text, {"d": 3}, u=u, v=v), u @ v)
    f = read("$$ s = \\langle a, b \\rangle $$")
    assert any(d.name == "ambiguous-notation" for d in f.diagnostics)


def test_japanese_condition_with_a_trailing_particle():
    text = ("$$ y = \\begin{cases} 1 & (x \\geq 0 \\text{ のとき}) \\\\ 0 & (\\text{それ以外のとき}) "
            "\\end{cases} $$")
    assert np.allclose(_value(text, {"n_x": 2}, x=np.array([-1.0, 2.0])), [0.0, 1.0])


def test_angle_bracket_time_step_label():
    node = parse_math("a^{<t>} = W a^{<t-1>}")
    assert isinstance(node, ir.Chain)
    f = read("$$ a^{<t>} = W a^{<t-1>} + b $$")
    assert not problems(f)


def test_braces_around_an_expression_are_brackets():
    x, t = np.array([1.0, 2.0]), np.array([0.5, 0.5])
    got = _value("$$ E = \\frac{1}{2}\\sum_{n=1}^{N}\\{x_n - t_n\\}^2 $$", {"N": 2}, x=x, t=t)
    assert np.isclose(got, 0.5 * np.sum((x - t) ** 2))
    node = parse_math("\\{x_n\\}_{n=1}^N")
    assert any(isinstance(n, ir.Tuple) for n in node.walk())  # a set of data points stays a set



# -- the notation ML notes commonly write: each is read (checkable or not, never unread) -----------

COMMON = [
    r"y = \mathbb{E}_{x \sim p}[f(x)]", r"\hat{\theta} = \operatorname*{arg\,max}_\theta \log p(x|\theta)",
    r"g = \left. \frac{\partial f}{\partial x} \right|_{x=0}", r"x = \mu \pm \sigma", r"f: x \mapsto x^2",
    r"x \sim \mathcal{N}(0, 1)", r"p(z|x) \propto p(x|z) p(z)", r"y \approx 0.5",
    r"L \triangleq \frac{1}{n} \sum_{i=1}^n \ell_i", r"L \coloneqq \frac{1}{n} \sum_{i=1}^n \ell_i",
    r"y = \mathbf{w}^\top \mathbf{x} + b", r"y = \mathbf{w}^\intercal \mathbf{x} + b",
    r"y = \mathbf{w}^T \mathbf{x} + b", r"y = \mathbf{w}^\mathsf{T} \mathbf{x} + b",
    r"n = \lVert \mathbf{x} \rVert_2", r"s = \langle \mathbf{u}, \mathbf{v} \rangle",
    r"a = \frac{1}{N}\sum_{i=1}^N \mathbb{1}[y_i = t_i]", r"a = \frac{1}{N}\sum_{i=1}^N \mathbf{1}(y_i = t_i)",
    r"a = \frac{1}{N}\sum_{i=1}^N \mathbb{I}(y_i = t_i)", r"D = \operatorname{diag}(\mathbf{s})",
    r"y = \tfrac{1}{2} x^2", r"y = \dfrac{1}{2} x^2", r"y = \left[ a + b \right]^2", r"y = \bigl( a + b \bigr)^2",
    r"y = a\!+\!b", r"y = a \; + \; b", r"y_i = w x_i + b \quad \text{for } i = 1, \dots, n",
    r"y_i = w x_i + b, \quad \forall i", r"\forall i \in \{1, \ldots, n\}: y_i \geq 0",
    r"S = \{x_1, x_2, \cdots, x_n\}", r"\mathbf{x} = \begin{bmatrix} x_1 \\ \vdots \\ x_n \end{bmatrix}",
    r"A = \begin{bmatrix} a & b \\ c & d \end{bmatrix}", r"\mathcal{L} = -\sum_i y_i \log \hat{y}_i",
    r"\tilde{x} = x + \epsilon", r"\bar{x} = \frac{1}{n}\sum_{i=1}^n x_i", r"f'(x) = 2x", r"x'' = -x",
    r"\text{損失} = \frac{1}{N}\sum_{i=1}^N (y_i - \hat{y}_i)^2", r"\mathrm{損失}(y) = y^2",
    r"L = \sum_i (y_i - \hat{y}_i)^2 \quad \text{（二乗誤差）}", r"\text{Var}(X) = \mathbb{E}[(X - \mu)^2]",
    r"\mathrm{Var}[x] = \frac{1}{n}\sum_i (x_i - \bar{x})^2", r"\sum_{i,j} A_{ij} = 1", r"p = \Pr(X = 1)",
    r"\hat{y}^{<t>} = \mathrm{softmax}(W_{ya} a^{<t>} + b_y)", r"\text{ReLU}(x) = \max\{0, x\}",
    r"\begin{aligned} a &= b + c \\[2pt] d &= a \cdot 2 \end{aligned}", r"y \overset{\text{def}}{=} a + b",
    r"\min_\theta \; \mathcal{L}(\theta) \quad \text{s.t.} \quad \|\theta\| \le 1",
    r"E(\boldsymbol{w}) = \frac{1}{2}\sum_{n=1}^{N}\{y(x_n, \boldsymbol{w}) - t_n\}^2",
    r"y = a \rule{0pt}{1em} + b", r"L \coloneq \frac{1}{n}\sum_i l_i", r"\therefore y = 2x", r"y \approxeq 1",
    r"z = x \mathbin{\|} y", r"h = \mathbf{a} \| \mathbf{b}",
    r"\text{Attention}(Q, K, V) = \text{softmax}\left(\frac{QK^\bp}{\sqrt{d_k}}\right)V",
]


@pytest.mark.parametrize("text", COMMON)
def test_common_notation_is_read(text):
    f = read("$$ " + text + " $$")
    assert not problems(f), problems(f)


def test_full_width_punctuation_typed_in_japanese():
    x = np.array([1.0, 2.0])
    assert np.allclose(_value("$$ y ＝ 2（x ＋ 1）。 $$", {"n_x": 2}, x=x), 2 * (x + 1))


def test_sum_reaches_over_later_terms_that_use_its_index():
    """`\\sum_i y_i \\log x_i + (1 - y_i) \\log(1 - x_i)`: the dangling i is the sum's (a reading)."""
    y, x = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.6])
    text = "$$ L = -\\sum_i y_i \\log x_i + (1 - y_i) \\log (1 - x_i) $$"
    f = read(text)
    assert any(d.name == "ambiguous-notation" and "reaches over" in english(d.params["reading"]) for d in f.diagnostics)
    got = _value(text, {"n_i": 3}, y=y, x=x)
    assert np.isclose(got, -np.sum(y * np.log(x) + (1 - y) * np.log(1 - x)))


@pytest.mark.parametrize("text", ["$$ z_i = \\sum_j W_{ij} x_j + b_i $$", "$$ s = \\sum_i a_i + \\sum_i b_i $$",
                                  "$$ s = \\sum_{i=1}^{n} a_i + c $$"])
def test_sum_stops_where_its_index_is_not_used(text):
    node = parse_math(text.strip("$ "))
    sums = [n for n in node.walk() if isinstance(n, ir.BigOp)]
    assert sums and not any(n.extended for n in sums)


def test_power_before_a_bracket_is_a_factor_not_an_application():
    """`θ^x(1-θ)^{1-x}`: the Bernoulli likelihood, not (θ^x(1-θ))^{1-x}."""
    theta, x = 0.3, np.array([0.0, 1.0])
    got = _value("$$ p = \\theta^x(1-\\theta)^{1-x} $$", {"n_x": 2}, theta=theta, x=x)
    assert np.allclose(got, theta ** x * (1 - theta) ** (1 - x))
    for label in ("f^{-1}(y)", "g^{[l]}(z)", "W^{(l)}(x)", "\\theta^T(x - \\mu)"):
        assert isinstance(parse_math(label), ir.Call), label


def test_bracketed_layer_superscript_is_a_label():
    f = read("$$ z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]} $$")
    assert f.main is not None and "**" not in f.main.sympy_text[0]


def test_partial_with_a_subscript_is_the_gradient():
    """`\\partial_{\\mathbf{w}} L(\\mathbf{w})` in an update rule is the given gradient, like ∇_𝐰 L."""
    f = read("\\mathbf{w} \\in \\mathbb{R}^{d}\n\n$$ \\mathbf{w} \\leftarrow \\mathbf{w} - \\eta \\, "
             "\\partial_{\\mathbf{w}} L(\\mathbf{w}) $$")
    assert f.main is not None and {i.name for i in f.main.inputs} == {"w", "grad", "eta"}


@pytest.mark.parametrize("text, why", [
    ("$$ \\hat{w}, \\hat{b} = \\mathop{\\mathrm{argmin}}_{w, b}\\ L(w, b) $$", "several variables"),
    ("$$ d(h) = \\begin{cases} 0 & \\text{ with probability } p \\\\ \\frac{h}{1-p} & \\text{ otherwise} "
     "\\end{cases} $$", "random"),
])
def test_optimisations_and_random_cases_are_not_checkable(text, why):
    f = read(text)
    assert not problems(f), problems(f)
    assert why in " ".join(e.reason for e in f.equations)


def test_sum_over_a_subscripted_named_set_is_the_whole_axis():
    x = np.array([1.0, 2.0, 3.0])
    got = _value("$$ s = \\sum_{i \\in \\mathcal{B}_t} x_i $$", {"n_i": 3, "n_x": 3, "n_B_t": 3}, x=x)
    assert np.isclose(got, x.sum())


def test_primed_variables_are_names_and_primed_functions_derivatives():
    """`x' = (x - μ)/σ`, `k(x, x')`, `θ'`: another variable; `f'(x)` and `f'` stay derivatives."""
    x = np.array([1.0, 3.0])
    assert np.allclose(_value("$$ x' = \\dfrac{x - \\mu}{\\sigma} $$", {"n_x": 2}, x=x, mu=2.0, sigma=0.5),
                       (x - 2.0) / 0.5)
    u, v = np.array([1.0, 2.0]), np.array([0.0, 0.0])
    kernel = ("$$ k(\\boldsymbol{x}, \\boldsymbol{x}') = \\exp\\left(-\\frac{\\|\\boldsymbol{x} - "
              "\\boldsymbol{x}'\\|^2}{2\\sigma^2}\\right) $$")
    assert np.isclose(_value(kernel, {"n_x": 2}, x=u, x_prime=v, sigma=1.0), np.exp(-2.5))
    f = read("$$ x_{k+1} = x_k - \\eta f'(x_k) $$")
    assert f.main is not None and "grad" in {i.name for i in f.main.inputs}
    assert isinstance(parse_math("f'"), ir.Script)


def test_an_arrow_between_two_equations_reads_as_hence():
    """cs231n-style: f(x, y) = xy → ∂f/∂x = y — the function is defined, the arrow said; a mapping
    or an implication stays what it is."""
    f = read(r"$$ f(x,y) = x y \hspace{0.5in} \rightarrow \hspace{0.5in} \frac{\partial f}{\partial x} = y $$")
    assert f.equations[0].kind == "definition" and f.equations[0].key == "f" and f.equations[0].checkable
    assert len(f.equations) == 2
    assert any(d.name == "ambiguous-notation" and "hence" in english(d.params.get("reading")) for d in f.diagnostics)
    assert read(r"f: \mathbb{R} \to \mathbb{R}").equations[0].kind == "statement"
    assert "implication" in read(r"a = b + 1 \implies c = 2 a").equations[0].reason


def test_a_member_of_a_family_defined_per_index_is_that_vector():
    """β_k = 2μ_k defines one vector per k; β_j^T x in a later row is member j transposed — never
    β_j to the power T (bmlip-013 of the corpus), and j runs over the K members."""
    f = read("x \\in \\mathbb{R}^{d}, \\quad \\mu \\in \\mathbb{R}^{K \\times d}\n\n"
             "$$\\begin{align*}\n\\beta_k &= 2 \\mu_k \\\\\nZ &= \\sum_{j} \\exp(\\beta_{j}^T x)\n\\end{align*}$$")
    z = f.main
    assert z is not None and z.checkable
    assert {s.name for s in z.inputs} == {"x", "mu", "d", "K"}
    assert "**T" not in z.sympy_text[0]


@pytest.mark.parametrize("bound, symbol, kind, low, high", [
    (r"\lambda > 0", r"\lambda", "positive", 0.0, None),
    (r"\eta \geq 0", r"\eta", "nonnegative", 0.0, None),
    (r"0 < \lambda", r"\lambda", "positive", 0.0, None),
    (r"0 < p < 1", "p", "interval", 0.0, 1.0),
    (r"\beta > 1", r"\beta", "interval", 1.0, None),
])
def test_a_bound_on_a_symbol_declares_its_space(bound, symbol, kind, low, high):
    f = read(f"{bound}\n\n$$ J = \\sqrt{{{symbol}}} $$")
    spec = next(s for s in f.main.inputs if s.role != "size")
    assert (spec.space.kind, spec.space.low, spec.space.high) == (kind, low, high)


def test_a_comparison_of_two_inputs_stays_an_inequality():
    assert "inequality" in read(r"x > y").equations[0].reason


def test_a_declarations_line_keeps_its_declarations_and_says_what_it_left():
    """`x ∈ ℝ^n, λ > 0` outside the displays had been dropped whole, silently (x then a scalar)."""
    f = read("x \\in \\mathbb{R}^{n}, \\quad \\lambda > 0, \\quad c = 3\n\n$$ J(x) = \\frac{\\lambda}{2} \\|x\\|^2 $$")
    shapes = {s.name: (s.shape, s.space.kind) for s in f.main.inputs}
    assert shapes["x"][0] == ("n",) and shapes["lambda"] == ((), "positive")
    assert any(d.name == "ambiguous-notation" and d.params.get("construct") == "c = 3" for d in f.diagnostics)


def test_a_derivative_given_in_terms_of_its_own_function_is_a_differential_equation():
    """D20: ∂L/∂W = Xᵀ(Ŷ − Y) is a value; dc/dt = A c(t) + B u(t) is a law c obeys."""
    ode = read(r"\frac{d c(t)}{d t} = A c(t) + B u(t)").equations[0]
    assert not ode.checkable and "differential equation" in ode.reason
    grad = read(r"\frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^\top (\hat{\mathbf{Y}} - \mathbf{Y})")
    assert grad.main is not None and grad.main.key == "dL_dW"


@pytest.mark.parametrize("left", [r"\nabla g(\mathbf{w})", r"g'(w)", r"\frac{d}{dw} g(w)",
                                  r"\frac{\partial}{\partial w} g(w)", r"\frac{\mathrm{d}}{\mathrm{d} w} g(w)"])
def test_a_given_derivative_alone_on_the_left_of_a_formula_is_its_value(left):
    """D20: ∇g(𝐰) = …, g'(w) = … of an undefined g is what code computing that gradient returns (said);
    an identity between two gradients stays an identity; g on both sides is no value."""
    f = read(f"{left} = 2 w x^2")
    assert f.main is not None and f.main.kind == "definition" and f.main.key == "grad"
    assert not {s.name for s in f.main.inputs} & {"grad"}
    assert any(getattr(d.params.get("reading"), "phrase", "") == "read-derivative-value" for d in f.diagnostics)
    assert "gradients" in read(r"\nabla f(w) = \nabla g(w) + 2 w").equations[0].reason
    assert not read(r"g'(x) = g(x)(1 - g(x))").equations[0].checkable
