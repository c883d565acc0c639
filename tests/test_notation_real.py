"""Issue 12: notation as real ML course notes write it — one small equation file of our own per
construct, read with its ordinary meaning (and checked against NumPy where it computes)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eq2code.equation.latex.errors import LatexError
from eq2code.equation.latex.parser import parse_math
from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

rng = np.random.default_rng(12)


def read(text: str):
    return read_equation_file("eq.tex", text)


def main(text: str):
    f = read(text)
    assert f.main is not None, [(d.name, d.params) for d in f.diagnostics]
    return f, f.main


def value(text: str, sizes: dict | None = None, **values):
    _, eq = main(text)
    return np.asarray(evaluate(eq, values, sizes or {}), dtype=float)


def names(f) -> set[str]:
    return {d.name for d in f.diagnostics}


CHECKABLE = {
    # a worked example: checkable as a claim, its arithmetic is checked (tests/test_worked_examples.py)
    "worked example": "$$ sum=\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.17283056695839 $$",
    # 1, 2, 4: multi-line environments, rows as clauses, chains across rows
    "align* in $$": "$$\\begin{align*} \\mu &= a + b \\\\ y &= 2\\mu \\end{align*}$$",
    "eqnarray": "\\begin{eqnarray*} y &=& a + b, \\end{eqnarray*}",
    "aligned chain": "$$\\begin{aligned} y &= a \\cdot (b + 1) \\\\ &= a b + a \\end{aligned}$$",
    "aligned leftarrow&": "$$\\begin{aligned} \\alpha \\leftarrow&\\ a + b - 1 \\\\ \\beta \\leftarrow&\\ c - 1 \\, , \\end{aligned}$$",
    "bare line break": "$$ z = 2x + 4y \\\\ $$",
    "cases of definitions": "$$\\begin{cases} v = \\alpha u - \\eta g \\\\ x = w + v \\end{cases}$$",
    "array of gates": "$$\\begin{array}{l} f = \\sigma(a) \\\\ h = f \\odot c \\end{array}$$",
    # 3: sentence punctuation
    "full stop": "$$\\sigma(x) = \\frac{1}{1+\\exp(-x)}.$$",
    "thin space full stop": "$$ y = a + b \\,.$$",
    # 5, 9: standard functions by name, plain exp/log/tanh
    "sigm": "$$ z = \\mathrm{sigm}(a + b) $$",
    "sign": "$$ y = \\theta - \\lambda \\mathrm{sign}(\\theta) $$",
    "plain exp": "$$ p_i = \\frac{exp(x_i)}{\\sum_j exp(x_j)} $$",
    "textrm tanh": "$$ h = \\textrm{tanh}(a) $$",
    "operatorname": "$$ y = \\operatorname{sign}(x) $$",
    "trace": "A \\in \\mathbb{R}^{n \\times n}\n\n$$ t = \\mathrm{Tr}(A + A^\\top) $$",
    "diag": "\\mathbf{s} \\in \\mathbb{R}^{K}\n\n$$ J = \\text{diag}(\\mathbf{s}) - \\mathbf{s} \\mathbf{s}^\\top $$",
    # 6: presentation commands
    "large color": "$$\\large y = a \\color{red} b \\color{black} + c$$",
    "rm switch": "$$ y = {\\rm TP} + 1 $$",
    "displaystyle": "$$ y = \\displaystyle \\frac{a}{b} \\> + \\> c $$",
    "stackrel def": "$$ y \\stackrel{\\textrm{def}}{=} a + b $$",
    "hspace between": "$$ y = a + b \\hspace{1in} z = a - b $$",
    # 7: cases forms
    "cases trailing comma": "$$ y = \\begin{cases} x - \\lambda, & \\text{if } x > \\lambda \\\\ 0, & \\text{otherwise} \\end{cases} $$",
    "cases parenthesised": "$$ y = \\begin{cases} 1 & (x > t) \\\\ 0 & (x \\leq t) \\end{cases} $$",
    "left brace array": "$$ l = \\left\\{ \\begin{array}{lr} a, & y=1, \\\\ b, & y=-1 \\end{array} \\right. $$",
    "text with math": "$$ y = \\begin{cases} x, & \\text{if $x \\geq 0$} \\\\ a x, & \\text{otherwise} \\end{cases} $$",
    # 8: unbraced scripts
    "s^+": "$$ L = -\\log \\frac{\\exp(s^+/\\tau)}{Z} $$",
    "theta^-": "$$ \\theta^- \\leftarrow \\theta $$",
    "^\\frac": "$$ n = \\big(\\sum_{i=1}^{n} v_i^2\\big)^\\frac{1}{2} $$",
    "(x)^{+}": "$$ \\text{ReLU}(x) = (x)^{+} $$",
    "x^{\\ast}": "$$ y = x^{\\ast} + 1 $$",
    # 2: gradients in update rules are given inputs
    "f'(x)": "$$ x_{k+1} = x_k - \\eta f'(x_k) $$",
    "nabla f": "$$ \\boldsymbol{x_{n+1}} = \\boldsymbol{x_n} - \\eta \\nabla f(\\boldsymbol{x_n}) $$",
    "nabla_theta J": "$$ v_t = \\eta \\nabla_{\\theta_{t-1}} J(\\theta_{t-1}) + \\lambda v_{t-1} $$",
    "nabla_W L": "W_t \\in \\mathbb{R}^{m \\times n}\n\n$$ W_{t+1} = W_t - \\eta \\nabla_W \\mathcal{L} $$",
    "partial L(S,w)": "$$ w \\leftarrow w - \\eta \\frac{\\partial L(S,w)}{\\partial w} $$",
    "backward rule": "X_1, X_2 \\in \\mathbb{R}\n\n$$\\frac{dC}{dX_1}=\\begin{cases} \\frac{dC}{dY}\\cdot1 & X_1 > X_2 \\\\ 0 & \\text{otherwise} \\end{cases}$$",
    "backward sum": "$$\\frac{dC}{dX_1}=\\frac{dC}{dY}\\cdot1 \\quad \\text{and}\\quad \\frac{dC}{dX_2}=\\frac{dC}{dY}\\cdot1$$",
    # 12, 13: inline declarations, multi-word names, counts
    "inline in": "$$ y = W x + b \\in \\mathbb{R}^m, $$",
    "text words": "$$ \\text{log loss} = -\\frac{1}{N} \\sum_{i=1}^{N} y_i \\log \\hat{y}_i $$",
    "count": "$$ acc = \\frac{\\#\\text{correct}}{\\#\\text{all}} $$",
    # 14: ranges and norms
    "sum j ne y_i": "$$ L_i = \\sum_{j\\neq y_i}\\max(0, s_j - s_{y_i} + \\Delta) $$",
    "sum t minus": "$$ loss = \\sum_{t} -\\log p_t $$",
    "sum over named set": "$$ Z = \\sum_{i \\in \\mathcal{V}} \\exp(u_i) $$",
    "prod no range": "$$ bpd = nll \\cdot \\left(\\prod d_i\\right)^{-1} $$",
    "L^1 norm": "$$ E = \\Vert y - Wz\\Vert^2 + \\lambda \\Vert z\\Vert_{L^1} $$",
    "Frobenius": "W \\in \\mathbb{R}^{m \\times n}\n\n$$ r = \\lambda \\|W\\|_F^2 $$",
    "double bar norm": "$$ v_{n} = \\frac{v}{||v||_2} $$",
    # 15: declarations outside the $$ blocks
    "outside declaration": "x \\in \\mathbb{R}^{n}\n\n$$ y = \\frac{1}{n} \\sum_{i=1}^{n} x_i $$",
    # Unicode
    "unicode": "$$ y ← a · b $$",
}


@pytest.mark.parametrize("name", sorted(CHECKABLE))
def test_checkable(name):
    f = read(CHECKABLE[name])
    assert any(e.checkable for e in f.equations), (name, [(d.name, d.params) for d in f.diagnostics])
    assert not names(f) & {"latex-syntax", "unsupported-notation", "internal-error"}


NOT_CHECKABLE = {
    "chain rule": "$$ \\frac{\\partial y}{\\partial f_{3}} = \\frac{\\partial y}{\\partial h_{4}} \\frac{\\partial h_{4}}{\\partial f_{3}}. $$",
    "derivative values": "$$ \\dfrac{\\partial z}{\\partial x} = 2, \\ \\dfrac{\\partial z}{\\partial y} = 4 $$",
    "gradient per summand": "$$ \\nabla_\\theta \\mathcal{L}(\\theta) = \\frac{1}{N} \\sum_{i=1}^{N} \\nabla_\\theta \\ell(x_i, y_i) $$",
    "unknown function": "$$ y = \\phi_h(W x + b) $$",
}


@pytest.mark.parametrize("name", sorted(NOT_CHECKABLE))
def test_read_but_not_checkable(name):  # a lone continued line `= …` is its value now (D28)
    f = read(NOT_CHECKABLE[name])
    assert not any(e.checkable for e in f.equations), name
    assert not names(f) & {"latex-syntax", "internal-error"}, [(d.name, d.params) for d in f.diagnostics]


# -- values: the ordinary meaning, computed ----------------------------------------------------

def test_gradient_is_an_input_shaped_like_the_point():
    f, eq = main("\\theta \\in \\mathbb{R}^{d}\n\n$$\\theta \\gets \\theta - \\eta \\nabla_{\\theta} J(\\theta)$$")
    grad = next(i for i in eq.inputs if i.name == "grad")
    assert grad.shape == ("d",) and "gradient" in grad.aliases
    assert "ambiguous-notation" in names(f)
    theta, g = rng.normal(size=4), rng.normal(size=4)
    out = evaluate(eq, {"theta": theta, "eta": 0.1, "grad": g}, {"d": 4})
    assert np.allclose(np.asarray(out, dtype=float), theta - 0.1 * g)


def test_declared_derivative_is_the_upstream_input():
    text = CHECKABLE["backward rule"].replace("X_1, X_2", "X_1, X_2, \\frac{dC}{dY}")
    _, eq = main(text)
    assert {i.name for i in eq.inputs} >= {"X_1", "X_2", "dC_dY"}


def test_matrix_inverse_of_a_declared_matrix():
    text = ("X \\in \\mathbb{R}^{N \\times d},\\quad \\mathbf{y} \\in \\mathbb{R}^{N}\n\n"
            "$$ \\hat{\\mathbf{w}} = (X^\\top X)^{-1}X^\\top \\mathbf{y} $$")
    X, y = rng.normal(size=(6, 3)), rng.normal(size=6)
    out = value(text, {"N": 6, "d": 3}, X=X, y=y)
    assert np.allclose(out.ravel(), np.linalg.lstsq(X, y, rcond=None)[0])


def test_trace_and_diag():
    A = rng.normal(size=(3, 3))
    assert np.isclose(value(CHECKABLE["trace"], {"n": 3}, A=A), 2 * np.trace(A))
    s = rng.random(4)
    assert np.allclose(value(CHECKABLE["diag"], {"K": 4}, s=s), np.diag(s) - np.outer(s, s))


def test_sum_excluding_the_label():
    """\\sum_{j \\neq y_i}: every class but the label (the multiclass hinge loss of one example: s its
    scores, y_i its label — i names the example, D27)."""
    text = "s \\in \\mathbb{R}^{C},\\quad y_i \\in \\{1, \\ldots, C\\}\n\n" + CHECKABLE["sum j ne y_i"]
    _, eq = main(text)
    s = np.array([1.0, 2.0, 0.5, 3.0, -1.0])
    for k in (2, 4):
        out = float(evaluate(eq, {"s": s, "y_i": k, "Delta": 1.0}, {"C": 5}))
        assert np.isclose(out, sum(max(0.0, s[j] - s[k - 1] + 1.0) for j in range(5) if j != k - 1))


def test_cases_conditions_in_parentheses_and_or():
    text = ("$$ h(x) = \\begin{cases} x, & \\text{if } x > \\lambda \\\\ x, & \\text{if } x < -\\lambda "
            "\\\\ 0, & \\text{otherwise} \\end{cases} $$")
    x = np.array([-2.0, -0.1, 0.1, 2.0])
    assert np.allclose(value(text, {}, x=x, **{"lambda": 0.5}) if False else
                       evaluate(main(text)[1], {"x": x, "lambda": 0.5}, {"n_x": 4}).astype(float),
                       np.where(np.abs(x) > 0.5, x, 0.0))


def test_frobenius_norm():
    W = rng.normal(size=(2, 3))
    assert np.isclose(value(CHECKABLE["Frobenius"], {"m": 2, "n": 3}, W=W, **{"lambda": 0.5}),
                      0.5 * np.sum(W ** 2))


def test_capitals_side_by_side_stay_scalars():
    """`TP` undeclared is not a matrix product (P × R on scalars is no division by a matrix)."""
    _, eq = main("$$ acc = \\frac{TP+TN}{TP+TN+FP+FN} $$")
    assert all(i.shape == () for i in eq.inputs)


def test_vector_macro_is_a_bold_symbol_and_said_so():
    f = read("$$ f(\\vx) = \\tanh(\\vx) $$")
    assert "ambiguous-notation" in names(f)
    assert not names(f) & {"unsupported-notation", "latex-syntax"}


def test_subscripted_function_letter_is_applied():
    f = read(NOT_CHECKABLE["unknown function"])
    reasons = " ".join(e.reason for e in f.equations)
    assert "phi_h" in reasons or "function" in reasons


def test_unknown_macro_with_argument_stays_unsupported():
    f = read("$$ y = \\weird{z} $$")
    assert "unsupported-notation" in names(f)


# -- item 5: the reader raises nothing but its own errors ----------------------------------------

TOKENS = ["x", "y", "W", "1", "2.5", "+", "-", "=", "(", ")", "[", "]", "{", "}", "^", "_", "|", "\\|", ",",
          "&", "\\\\", ".", "'", "*", "/", "\\frac", "\\sqrt", "\\sum", "\\prod", "\\max", "\\log", "\\exp",
          "\\mathbf", "\\text{if }", "\\left(", "\\right)", "\\left\\{", "\\right.", "\\begin{cases}",
          "\\end{cases}", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{array}{l}", "\\end{array}",
          "\\cdot", "\\odot", "\\top", "\\nabla", "\\partial", "\\in", "\\mathbb{R}", "\\leftarrow",
          "\\color{red}", "\\rm", "\\large", "\\stackrel{def}{=}", "\\#", "\\vx", "\\ast", "\\prime",
          "\\ldots", "\\mid", "\\underbrace", "\\hat", "\\operatorname{sign}", "\\mathop{\\rm argmax}",
          "exp(", "\\tanh", "\\quad", "\\;", " ", "→", "·", "\\underset{z}{\\text{softmax}}",
          # issue 12's statements and their neighbours: actions, evaluation bars, logic, strings, …
          "g.f", "...", "==", "<=", "\\lnot", "\\neg", "\\land", "\\Big|", "\\right|", "\\left.", "|_",
          "\\bigl|\\bigr|", "\"is\"", "*_{G}", "\\oplus", "\\bmod", "\\Pr", "\\sim", "\\Rightarrow", "\\forall",
          "\\mbox{\\bf f}", "\\text{損失}", "正解率", "\\text{それ以外}", "k'", "_{k'}", "^\\prime", "\\exp\\{",
          "\\}", "_{:,j}", "_{i,j}", "\\{1, \\ldots, C\\}", "\\le", "15.6\\times", "\\begin{equation*}",
          "\\end{equation*}", "\\vect{y}", "^{* i}", "\\text {train }", "\\lVert", "\\rVert", "\\langle",
          "\\rangle", "\\mathbb{1}", "\\tfrac", "\\operatorname*{arg\\,max}"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=24))
def test_parser_raises_only_latex_errors(tokens):
    text = " ".join(tokens)
    try:
        parse_math(text)
    except LatexError:
        pass


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16))
def test_reading_a_file_never_raises(tokens):
    f = read("$$" + " ".join(tokens) + "$$")
    assert "internal-error" not in names(f), [(d.name, d.params) for d in f.diagnostics]


# -- corpus impl folders that now work end to end (issue 12): correct passes, wrong fails ---------

CORPUS = __import__("pathlib").Path(__file__).resolve().parent / "corpus" / "equations" / "impl"
END_TO_END = ["abap34-ml-lecture-012",  # f'(x_n) given as grad, h_{n+1} as h_next
              "abap34-ml-lecture-036",  # cases of two update rows
              "nyu-dlsp20-en-010",      # aligned rows, \nabla f_i(w_k)
              "nyu-dlsp20-ja-032",      # \nabla_\theta J^{old}_{train}(\theta), \mathrm{sign}
              "udlbook-021",            # eqnarray, \longleftarrow, \frac{\partial L}{\partial \phi}
              "fumishiki-zenn-005"]     # \text{diag}(s) - s s^\top


@pytest.mark.parametrize("folder", END_TO_END)
def test_corpus_impl_end_to_end(folder):
    import json
    import subprocess
    import sys

    base = CORPUS / folder
    verdicts = {}
    for impl in ("correct", "wrong"):
        done = subprocess.run([sys.executable, "-m", "eq2code", "check", str(base / "equation.tex"),
                               str(base / f"{impl}.py"), "--format", "json"], capture_output=True, text=True)
        doc = json.loads(done.stdout)
        verdicts[impl] = [d["data"]["name"] for d in doc["diagnostics"] if d["severity"] == 1]
    assert verdicts["correct"] == [] and verdicts["wrong"], verdicts
