"""`eq2code parse` shows the reading as readable math and every symbol with its role (issue 12,
item 3): the roles come from the analysis (inputs, sizes, indices of sums and of the result,
functions, constants, definitions used), survive the equation cache, and print in English and
Japanese."""

from __future__ import annotations

import json

import pytest

from eq2code.equation.cache import _from_json, _to_json
from eq2code.equation.semantics import read_equation_file
from eq2code.findings.messages import render_phrase
from eq2code.findings.phrases import Phrase
from eq2code.report.formats.parse import render_parse, unicode_math

SOFTMAX = ("\\mathbf{z} \\in \\mathbb{R}^{K}\n\n"
           "$$ \\mathrm{softmax}(\\mathbf{z})_i = \\frac{\\exp(z_i)}{\\sum_{j=1}^{K} \\exp(z_j)} $$\n")
ATTENTION = ("Q \\in \\mathbb{R}^{n \\times d_k}, \\quad K \\in \\mathbb{R}^{m \\times d_k}, \\quad "
             "V \\in \\mathbb{R}^{m \\times d_v}\n\n$$ S = \\frac{Q K^\\top}{\\sqrt{d_k}} $$\n\n"
             "$$ \\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}(S) V $$\n")
GRADIENT = "\\theta \\in \\mathbb{R}^{d}\n\n$$ \\theta \\gets \\theta - \\eta \\nabla_{\\theta} J(\\theta) $$\n"


@pytest.fixture(autouse=True)
def pretty(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pretty reading, as `eq2code parse` asks for it (a check reads the one-line form)."""
    from eq2code.equation import describe

    monkeypatch.setattr(describe, "PRETTY", True)


def roles(eq) -> dict[str, tuple[str, str]]:
    return {s["name"]: (s["role"], render_phrase(Phrase.of(s["detail"]), "en")) for s in eq.symbols}


def test_softmax_symbols_and_their_roles():
    f = read_equation_file("softmax.tex", SOFTMAX)
    got = roles(f.main)
    assert got["z"] == ("input", "(K,) in \\mathbb{R}^{K}")
    assert got["K"][0] == "size"
    assert got["i"] == ("index", "of the result (one entry per value)")
    assert got["j"] == ("index", "of the sum, from 1 to K")
    assert got["exp"][0] == "function"


def test_reading_is_unicode_math_with_the_left_side():
    f = read_equation_file("softmax.tex", SOFTMAX)
    (reading,) = f.main.reading
    assert "softmax(z)[i] = " in reading
    assert "╲" in reading and "ℯ" in reading  # the big Σ and e^x of the pretty printer


def test_a_helper_definition_is_named_with_its_number_and_line():
    f = read_equation_file("attention.tex", ATTENTION)
    number = next(k for k, e in enumerate(f.equations, 1) if e.name == "S")
    got = roles(f.main)
    assert got["S"] == ("defined", f"by #{number} (line 3)")
    assert got["softmax"][0] == "function"
    assert {name for name, (role, _) in got.items() if role == "input"} == {"Q", "K", "V"}


def test_the_given_gradient_is_said_so():
    f = read_equation_file("sgd.tex", GRADIENT)
    assert roles(f.main)["grad"] == ("input", "(d,) in \\mathbb{R}: the given gradient")


def test_roles_survive_the_cache():
    f = read_equation_file("softmax.tex", SOFTMAX)
    again = _from_json(json.loads(json.dumps(_to_json(f))), f.path, f.text)
    assert again.main is not None and again.main.sympy is None
    assert again.main.reading == f.main.reading
    assert roles(again.main) == roles(f.main)
    assert render_parse(again, "text", "en") == render_parse(f, "text", "en")


def test_parse_text_and_json():
    f = read_equation_file("softmax.tex", SOFTMAX)
    text, code = render_parse(f, "text", "en")
    assert code == 0 and "reading:" in text and "symbols:" in text
    assert "of the sum, from 1 to K" in text
    doc = json.loads(render_parse(f, "json", "en")[0])
    main = next(e for e in doc["equations"] if e["main"])
    assert "softmax(z)[i] = " in main["reading"]
    j = next(s for s in main["symbols"] if s["name"] == "j")
    assert j == {"symbol": "j", "name": "j", "role": "index", "detail": "of the sum, from 1 to K",
                 "detail_key": "detail-index-bound", "detail_params": {"op": "sum", "low": "1", "high": "K"}}


def test_parse_text_in_japanese_has_the_words_in_japanese():
    f = read_equation_file("softmax.tex", SOFTMAX)
    text, _ = render_parse(f, "text", "ja")
    assert "読み取り:" in text and "記号:" in text and "和（1 から K まで）" in text
    assert "of the sum" not in text and "input" not in text


def test_unicode_math_for_the_table():
    assert unicode_math("\\mathbb{R}^{n \\times d_k}") == "ℝ^{n × d_k}"
    assert unicode_math("\\hat{\\mathbf{y}}") == "ŷ"
    assert unicode_math("\\boldsymbol{\\theta}") == "θ"
    assert unicode_math("\\{0,1\\}^{C}") == "{0,1}^C"


def test_reading_writes_accents_on_the_letter_and_entries_as_subscripts():
    f = read_equation_file("ae.tex", "$$ \\ell(\\boldsymbol{x},\\boldsymbol{\\hat{x}}) = \\frac{1}{2} "
                                     "\\lVert \\boldsymbol{x} - \\boldsymbol{\\hat{x}} \\rVert^2 $$")
    (reading,) = f.main.reading
    assert "ell(x, x̂) = " in reading and "(xₖ - x̂ₖ)" in reading and "_k" not in reading


def test_a_check_reads_the_one_line_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PRETTY (a check) the reading is SymPy's one-line text: no pretty printer, whose first
    product imports sympy.physics.units (~80 ms of a cold check)."""
    from eq2code.equation import describe

    monkeypatch.setattr(describe, "PRETTY", False)
    f = read_equation_file("softmax.tex", SOFTMAX)
    assert f.main.reading == f.main.sympy_text[:1]


def test_a_sum_of_vectors_keeps_its_plus_signs():
    # SymPy's printer dropped the "+" before (1 - β)⋅grad (a coefficient that could lose a minus sign)
    momentum = r"$$\mathbf{d}^{k-1} = \beta \, \mathbf{d}^{k-2} + (1 - \beta)\nabla g(\mathbf{w}^{k-1})$$" + "\n"
    (reading,) = read_equation_file("momentum.tex", momentum).main.reading
    assert " + (1 - β)⋅grad" in reading
    (reading,) = read_equation_file("diff.tex", "$$\\mathbf{y} = \\mathbf{a} - 2\\mathbf{b}$$\n").main.reading
    assert "-2⋅b + a" in reading
