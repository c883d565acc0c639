"""The LaTeX reader: the lecture's notation, error positions, and a property — it raises
nothing but its own LatexError, whatever it is given."""

from __future__ import annotations

import pytest
from conftest import lecture_blocks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eq2code.equation.latex import ir
from eq2code.equation.latex.errors import LatexError
from eq2code.equation.latex.parser import parse_math
from eq2code.equation.semantics import read_equation_file

BLOCKS = lecture_blocks()


def test_lecture_has_72_blocks():
    assert sorted(BLOCKS) == list(range(1, 73))


@pytest.mark.parametrize("n", sorted(BLOCKS))
def test_every_lecture_block_parses(n):
    parse_math(BLOCKS[n])


@pytest.mark.parametrize("n", sorted(BLOCKS))
def test_no_lecture_block_is_a_syntax_error(n):
    f = read_equation_file(f"block{n}.tex", BLOCKS[n])
    assert not [d for d in f.diagnostics if d.name == "latex-syntax"]


def test_sum_body_extends_over_the_product():
    node = parse_math(r"\sum_{i=1}^{C} y_i \log \hat{y}_i + c")
    assert isinstance(node, ir.Add)
    _sign, first = node.terms[0]
    assert isinstance(first, ir.BigOp) and isinstance(first.body, ir.Product)
    assert len(first.body.factors) == 2


def test_log_takes_one_factor():
    node = parse_math(r"\log p(x) q(x)")
    assert isinstance(node, ir.Product)
    assert isinstance(node.factors[0], ir.Func) and isinstance(node.factors[0].arg, ir.Call)


def test_transpose_and_bars():
    node = parse_math(r"D_{\mathrm{KL}}(p\|q) = \|\mathbf{x}\|_2 + |a|")
    assert isinstance(node, ir.Chain)
    call = node.items[0]
    assert isinstance(call, ir.Call) and isinstance(call.args[0], ir.Chain)
    assert call.args[0].rels == ["parallel"]
    kinds = {type(n).__name__ for n in node.walk()}
    assert {"Norm", "Abs"} <= kinds


def test_conditional_bar_inside_parentheses():
    node = parse_math(r"q_\phi(\mathbf{z}|\mathbf{x})")
    assert isinstance(node, ir.Call) and node.args[0].rels == ["mid"]


def test_script_digits_are_single_characters():
    node = parse_math("x_12")
    assert isinstance(node, ir.Product) and isinstance(node.factors[1], ir.Num)


@pytest.mark.parametrize("text, offset, kind", [
    (r"\frac{a}{b", 8, "latex-syntax"),
    (r"a + }", 4, "latex-syntax"),
    (r"a = \unknownmacro{x}", 4, "unsupported-notation"),
    (r"x = \begin{tabular}a\end{tabular}", 4, "unsupported-notation"),
    ("a = ", 3, "latex-syntax"),
    ("a @ b", 2, "latex-syntax"),
])
def test_errors_have_positions(text, offset, kind):
    with pytest.raises(LatexError) as e:
        parse_math(text)
    assert e.value.kind == kind
    assert e.value.offset == offset


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(LatexError):
        parse_math("(" * 400 + "x" + ")" * 400)


def test_long_input_is_bounded():
    with pytest.raises(LatexError):
        parse_math("x+" * 600_000 + "x")


LATEX_ALPHABET = list(r"abxyzKT0123456789+-*/=_^{}()[]|&,.:;<>' ") + [
    r"\frac", r"\sqrt", r"\sum", r"\prod", r"\log", r"\exp", r"\mathbf", r"\hat", r"\left(", r"\right)",
    r"\|", r"\{", r"\}", r"\cdot", r"\top", r"\quad", r"\text{if }", r"\begin{pmatrix}", r"\end{pmatrix}",
    r"\\", r"\in", r"\mathbb{R}", r"\alpha", r"\ldots", r"\mid", "\\"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LATEX_ALPHABET), max_size=40).map("".join))
def test_parser_raises_only_its_own_error(text):
    try:
        parse_math(text)
    except LatexError:
        pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(BLOCKS)), st.data())
def test_mutated_lecture_blocks_never_crash(n, data):
    text = BLOCKS[n]
    pos = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(LATEX_ALPHABET + [""]))
    cut = data.draw(st.integers(0, 3))
    mutated = text[:pos] + insert + text[pos + cut:]
    try:
        parse_math(mutated)
    except LatexError:
        pass
    f = read_equation_file("m.tex", mutated)  # the whole reader never raises
    assert not [d for d in f.diagnostics if d.name == "internal-error"], f.diagnostics


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_reader_never_raises_on_any_text(text):
    f = read_equation_file("any.tex", text)
    assert not [d for d in f.diagnostics if d.name == "internal-error"], f.diagnostics


def test_an_index_that_is_a_matrix_is_not_checkable_not_an_internal_error():
    """Found by the mutation test above: `D_{\\ma+thrm{KL}}(q\\|p)` made an index out of a matrix."""
    f = read_equation_file("m.tex", r"D_{\mathrm{KL}}(p\|q)=D_{\ma+thrm{KL}}(q\|p)")
    assert not [d for d in f.diagnostics if d.name == "internal-error"], f.diagnostics
