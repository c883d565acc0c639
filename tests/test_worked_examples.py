"""Issue 12: numeric worked examples are checkable as claims — each stated equality between
numeric forms is checked at the precision the text writes (equation/examples.py); a wrong one
is EQ009 worked-example-mismatch, in en and ja; a right one is never flagged."""

from __future__ import annotations

import subprocess
import sys
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eq2code.equation.semantics import read_equation_file
from eq2code.findings.messages import render_message
from eq2code.findings.model import Finding


def read(text: str):
    return read_equation_file("eq.tex", text)


def mismatches(text: str) -> list:
    return [d for d in read(text).diagnostics if d.name == "worked-example-mismatch"]


def examples(text: str) -> list:
    return [e for e in read(text).equations if e.kind == "example"]


# -- right worked examples: checkable, never flagged -------------------------------------------

RIGHT = {
    "many digits": "$$ sum=\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.17283056695839 $$",
    "rounded": "$$\\frac{3}{3 + 56} = 0.05$$",
    "rounded up": "$$\\frac{3}{3 + 56} = 0.051$$",
    "truncated": "$$\\frac{2}{3} = 0.66$$",
    "integer": "$$\\frac{1}{2} \\left( (400 - 450)^2 + (500 - 500)^2 \\right) = 1250$$",
    "chain": ("$$\\begin{aligned}\n\\dfrac{1}{2} \\left( (140 - (2 \\times 50 + 50))^2 + (200 - (2 \\times 80 + 50))^2"
              " \\right) &= \\dfrac{1}{2} \\left( (140 - 150)^2 + (200 - 210)^2 \\right) \\\\\n"
              "&= \\dfrac{1}{2} \\times 200 \\\\\n&= 100\n\\end{aligned}$$"),
    "approx": "$$\\frac{1}{3} \\approx 0.333$$",
    "fallingdotseq": "$$\\frac{1}{3} \\fallingdotseq 0.333$$",
    "negative": "$$-\\frac{1}{3} = -0.33$$",
    "scientific": "$$\\frac{3}{2000} = 1.5 \\times 10^{-3}$$",
    "constants": "$$e^{-0.125} + \\pi = 4.024$$",
    "sigmoid": "$$\\sigma(0) = 0.5$$",
    "single precision digits": "$$\\exp(0.9)/(\\exp(0.9)+\\exp(0.2)+\\exp(0.4)) = 0.47548497$$",
    "softmax of a literal vector": ("$$\\mathrm{softmax}\\left(\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}\\right) = "
                                    "\\begin{pmatrix}0.27 \\\\ 0.73\\end{pmatrix}$$"),
    "times suffix": "$$\\frac{0.78}{0.05} = 15.6\\times$$",
}


@pytest.mark.parametrize("text", RIGHT.values(), ids=RIGHT.keys())
def test_a_right_worked_example_is_checkable_and_not_flagged(text):
    f = read(text)
    assert not [d for d in f.diagnostics if d.name == "worked-example-mismatch"], f.diagnostics
    found = [e for e in f.equations if e.kind == "example"]
    assert found and all(e.checkable for e in found)
    assert found[0].why.phrase == "eq-worked-example-checked"


WRONG = {
    "typo": "$$\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.27$$",
    "rounded wrongly": "$$\\frac{3}{3 + 56} = 0.06$$",
    "last of many digits": "$$ sum=\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.17293056695839 $$",
    "integer": "$$\\frac{1}{2} \\left( (400 - 450)^2 + (500 - 500)^2 \\right) = 1350$$",
    "approx": "$$\\frac{1}{3} \\approx 0.343$$",
    "sign": "$$-\\frac{1}{3} = 0.33$$",
    "softmax entry": ("$$\\mathrm{softmax}\\left(\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}\\right) = "
                      "\\begin{pmatrix}0.37 \\\\ 0.73\\end{pmatrix}$$"),
}


@pytest.mark.parametrize("text", WRONG.values(), ids=WRONG.keys())
def test_a_wrong_worked_example_is_an_error(text):
    found = mismatches(text)
    assert len(found) == 1
    assert examples(text)  # still read as a worked example: the claim is what failed


def test_the_finding_says_which_equality_what_each_side_computes_and_where():
    text = "$$\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.27$$\n"
    (d,) = mismatches(text)
    assert d.params["left"] == "\\exp(0.9)+\\exp(0.2)+\\exp(0.4)"
    assert d.params["right"] == "5.27"
    assert d.params["left_value"] == "5.172830567" and d.params["right_value"] == "5.27"
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (0, 2, 36)
    finding = Finding(d.name, "eq.tex", d.range, dict(d.params))
    en, ja = render_message(finding, "en"), render_message(finding, "ja")
    assert "does not hold" in en and "5.172830567" in en and "2 decimal places" in en
    assert "成り立ちません" in ja and "5.172830567" in ja and "小数 2 桁" in ja


def test_a_chain_names_the_step_that_fails():
    text = "$$\\frac{1}{2} \\times (3 + 5) = \\frac{1}{2} \\times 8 = 5$$"
    (d,) = mismatches(text)
    assert d.params["left"] == "\\frac{1}{2} \\times 8" and d.params["right"] == "5"


# -- the precision rule ---------------------------------------------------------------------------

def test_a_rounded_result_carries_its_rounding_into_a_later_form():
    # 0.05 and 0.78 are stated results (3/59, 46/59): 0.78/0.05 from the unrounded values is 15.33
    rows = ("$$\\begin{aligned}\n\\text{A:} \\quad & \\frac{TP}{TP + FN} = \\frac{3}{3 + 56} = 0.05 \\\\\n"
            "\\text{B:} \\quad & \\frac{TP}{TP + FN} = \\frac{46}{46 + 13} = 0.78 \\\\\n"
            "\\text{C:} \\quad & \\frac{0.78}{0.05} = {} \\end{aligned}$$")
    assert not mismatches(rows.replace("{}", "15.6\\times"))
    assert not mismatches(rows.replace("{}", "15.3"))
    assert mismatches("$$\\frac{0.78}{0.05} = 15.3$$")  # given numbers, not rounded results: exact
    assert mismatches(rows.replace("{}", "25.3"))


def test_literal_inputs_are_exact_not_rounded():
    # 0.9 is given data: the claim is checked to the result's digits, not loosened by 0.9's
    assert mismatches("$$\\exp(0.9) = 2.47$$")
    assert not mismatches("$$\\exp(0.9) = 2.46$$")


def test_a_worked_example_across_blocks_uses_the_earlier_result():
    text = ("$$ sum=\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.17283056695839 $$\n\n"
            "$$ j_0= \\exp(0.9)/sum = 0.47548495534876745 $$\n\n"
            "$$ j_1= \\exp(0.2)/sum = 0.2361188410001125 $$\n")
    f = read(text)
    assert [e.kind for e in f.equations] == ["example"] * 3
    assert not mismatches(text)
    assert mismatches(text.replace("0.2361188410001125", "0.2461188410001125"))


def test_symbolic_forms_stay_as_read_and_the_numbers_are_checked():
    text = ("$$\\begin{aligned}\n\\dfrac{1}{n}\\sum_{i=0}^{n-1} \\ (y_i - f(x_i))^2 &= \\dfrac{1}{2} \\left( "
            "(140 - (2 \\times 50 + 50))^2 + (200 - (2 \\times 80 + 50))^2 \\right) \\\\\n&= 100\n\\end{aligned}$$")
    f = read(text)
    (eq,) = f.equations
    assert eq.kind == "example" and eq.checkable and eq.why.phrase == "eq-worked-example-partly"
    assert "not-checkable" in {d.name for d in f.diagnostics}  # f is not defined: said, as before
    assert mismatches(text.replace("&= 100", "&= 110"))


def test_a_definition_with_worked_numbers_stays_a_definition():
    text = "$$\\mathrm{acc} = \\frac{TP + TN}{N} = \\frac{3 + 4}{10} = 0.7$$"
    f = read(text)
    assert f.main is not None and f.main.kind in ("definition", "identity")
    assert not mismatches(text)
    assert mismatches(text.replace("0.7", "0.8"))


def test_a_worked_example_is_never_the_main_equation():
    f = read("$$y = \\frac{x}{2}$$\n\n$$\\frac{3}{2} = 1.5$$\n")
    assert f.main is not None and f.main.name == "y"


def test_an_equation_file_given_alone_reports_its_wrong_example(tmp_path):
    eq = tmp_path / "eq.tex"
    eq.write_text("$$\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.27$$\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(eq), "--format", "concise"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "EQ009" in proc.stdout
    eq.write_text("$$\\exp(0.9)+\\exp(0.2)+\\exp(0.4)=5.17$$\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(eq), "--format", "concise"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0 and "EQ009" not in proc.stdout


# -- property: never raises; a right example (computed independently) is never flagged -------------

mpmath.mp.dps = 40


@st.composite
def expressions(draw, depth: int = 3):
    """(LaTeX, value computed with mpmath) of a random arithmetic expression on numbers."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        whole = draw(st.integers(0, 99))
        decimals = draw(st.integers(0, 2))
        text = str(whole) if not decimals else f"{whole}.{draw(st.integers(0, 10 ** decimals - 1)):0{decimals}d}"
        return text, mpmath.mpf(text)
    op = draw(st.sampled_from(["+", "-", "times", "frac", "sqrt", "exp", "log", "pow", "neg"]))
    a, va = draw(expressions(depth - 1))
    if va is None:
        return a, None
    if op in ("sqrt", "exp", "log", "neg"):
        if op == "sqrt":
            return f"\\sqrt{{{a}}}", mpmath.sqrt(va) if va >= 0 else None
        if op == "exp":
            return f"\\exp\\left({a}\\right)", mpmath.exp(va) if va < 50 else None
        if op == "log":
            return f"\\log\\left({a}\\right)", mpmath.log(va) if va > 0 else None
        return f"\\left(-\\left({a}\\right)\\right)", -va
    b, vb = draw(expressions(depth - 1))
    if vb is None:
        return f"({a}) + ({b})", None
    if op == "+":
        return f"{a} + {b}", va + vb
    if op == "-":
        return f"{a} - \\left({b}\\right)", va - vb
    if op == "times":
        return f"\\left({a}\\right) \\times \\left({b}\\right)", va * vb
    if op == "frac":
        return f"\\frac{{{a}}}{{{b}}}", va / vb if vb != 0 else None
    small = draw(st.integers(0, 3))
    return f"\\left({a}\\right)^{{{small}}}", va ** small


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions(), st.integers(0, 6), st.booleans(), expressions())
def test_the_checker_never_raises_and_never_flags_a_right_example(expr, digits, truncate, other):
    text, value = expr
    f = read(f"$${text} = {other[0]}$$\n")  # any two forms: read, never a traceback
    assert all(d.name != "internal-error" for d in f.diagnostics)
    if value is None or abs(value) > 10 ** 12 or 0 < abs(value) < mpmath.mpf(10) ** -300:
        return  # beyond what the written decimal can hold (exp(-e^43) underflows the Decimal context)
    mode = ROUND_DOWN if truncate else ROUND_HALF_EVEN
    value = value * (1 + mpmath.mpf(10) ** -30)  # 32.1 is 32.0999… in binary: truncated, 32.1 as written
    written = Decimal(mpmath.nstr(value, 50, strip_zeros=False)).quantize(Decimal(1).scaleb(-digits), rounding=mode)
    f = read(f"$${text} = {written}$$\n")
    assert all(d.name not in ("worked-example-mismatch", "internal-error") for d in f.diagnostics), \
        (text, str(written), f.diagnostics)


@pytest.mark.parametrize("text", [
    "$$2^{10} \\approx 10^3$$", "$$2^{20} \\approx 1000000$$", "$$\\frac{22}{7} \\approx \\pi$$",
    "$$\\sqrt{2} \\approx 1.4142$$", "$$0.1 + 0.2 = 0.30000000000000004$$"])
def test_approximations_are_held_to_the_digits_written_only(text):
    assert not mismatches(text)


def test_an_equality_of_two_computed_forms_is_exact():
    assert mismatches("$$\\frac{22}{7} = \\pi$$")
    assert mismatches("$$2^{20} = 1000000$$")


def test_an_example_value_is_no_quantity_of_the_definitions():
    # μ stated by a worked example stays an input of y (the function takes it), said as before
    f = read("$$\\mu = \\frac{1}{2} = 0.5$$\n\n$$y = \\mu x$$\n")
    assert f.main is not None and "mu" in {i.name for i in f.main.inputs}
    assert [e.kind for e in f.equations] == ["example", "definition"]


def test_the_precision_said_for_an_integer():
    (d,) = mismatches("$$\\frac{1}{2} \\times 8 = 5$$")
    assert d.params["precision"].phrase == "example-precision-written"


def test_a_percentage_is_a_number_as_written():
    assert not mismatches("$$\\frac{46}{46 + 13} = 78\\%$$")
    assert mismatches("$$\\frac{46}{46 + 13} = 87\\%$$")


def test_the_example_decides_the_base_of_log_and_says_so():
    text = "$$H = -4 \\times 0.25 \\log 0.25 = 2$$"  # 1.386 with the natural log
    f = read(text)
    assert not mismatches(text)
    readings = [d.params["reading"] for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert [r.params["base"] for r in readings if r.phrase == "read-log-base-of-example"] == [2]
    assert not mismatches("$$\\log 1000 = 3$$")
    assert not mismatches("$$-\\log 0.5 \\approx 0.693$$")  # natural: no other reading
    assert mismatches("$$H = -4 \\times 0.25 \\log 0.25 = 3$$")  # no base makes it hold


def test_a_sum_over_numeric_bounds_is_a_numeric_form():
    assert not mismatches("$$\\sum_{i=1}^{4} i^2 = 30$$") and examples("$$\\sum_{i=1}^{4} i^2 = 30$$")
    assert mismatches("$$\\sum_{i=1}^{4} i = 11$$")
    assert not examples("$$\\sum_{i=1}^{n} i = 10$$")  # n is no number: a statement, as before


def test_a_list_of_numbers_is_a_vector():
    right = "$$\\mathrm{softmax}([2.0, 1.0, 0.1]) = [0.659, 0.242, 0.099]$$"
    assert examples(right) and not mismatches(right)
    assert not mismatches("$$\\mathrm{softmax}(2.0, 1.0, 0.1) = (0.659, 0.242, 0.099)$$")
    (d,) = mismatches(right.replace("0.242", "0.342"))
    assert d.params["left_value"] == "[0.6590011389, 0.2424329707, 0.09856589041]"
    assert not mismatches("$$\\max(2, 5) = 5$$")
