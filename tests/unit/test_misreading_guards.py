"""Readings that had been silently wrong in blocks read as checkable (D31): a capital with a number
on the left names one quantity (F1); a definition that goes on in words, an entry listing cut by a
comma and a value whose written names cancel are not checkable, each with its reason."""

from __future__ import annotations

import pytest
from unit_support import lower, readings, value

from eq2code.equation.semantics import read_equation_file


def why_not(tex: str) -> str:
    f = read_equation_file("unit.tex", tex)
    assert f.main is None or not f.main.checkable
    return " ".join(str(d.params.get("reason", "")) for d in f.diagnostics if d.name == "not-checkable")


def test_a_capital_with_a_number_on_the_left_names_what_is_defined():
    eq = lower(r"$$F1 = \frac{2 P R}{P + R}$$")
    assert eq.name == "F1" and {s.name for s in eq.inputs} == {"P", "R"}
    assert float(value(eq, P=0.5, R=1.0)) == pytest.approx(2 / 3)
    assert "read-letters-as-name" in readings(r"$$F1 = \frac{2 P R}{P + R}$$")


def test_a_definition_that_goes_on_in_words_is_not_its_right_side_alone():
    tex = r"$$c^{(i)} := j \quad \mathrm{that \; minimizes} \quad ||x^{(i)} - \mu_j||^2$$"
    assert "eq-continued-in-words" in why_not(tex)
    lower(r"$$y = a x \quad \text{where } a > 0$$")  # a where-clause is not a continuation


def test_entries_listed_after_a_comma_are_a_listing_not_the_first_entry():
    assert "eq-listed-after-comma" in why_not(r"$$W = w_1, w_2 . . . w_n$$")
    lower(r"$$y = w_1 x_1, \quad z = w_2$$")  # two definitions side by side stay two


def test_names_that_cancel_from_the_value_read_are_not_checked():
    tex = r"$$\mu_B = \frac{\mu \cdot \text{bias_axis}}{||\text{bias_axis}||_2^2} * \text{bias_axis}$$"
    assert "eq-names-cancel" in why_not(tex)
    lower(r"$$\text{err} = \text{train_loss} - \text{val_loss}$$")  # nothing cancels


def test_an_activation_named_in_capitals_is_a_function_not_a_product():
    eq = lower(r"$$ReLU(x) = max(0,x)$$")
    assert float(value(eq, x=-2.0)) == 0.0 and float(value(eq, x=3.0)) == 3.0
    why_not(r"$$GELU(x) = x \Phi(x)$$")  # GELU is named, its Φ not given: not checkable
