"""Quantities said in words (D31), read: `\\text{Number of exact predictions}` in a formula is one
number the code is given, said; prose joining formulas stays prose; a definition that only names a
quantity in words computes nothing."""

from __future__ import annotations

import pytest
from unit_support import lower, readings, value

from eq2code.equation.semantics import read_equation_file

RATE = r"\text{Recall} = \frac{\text{number of true positives}}{\text{number of actual positives}}"


def test_words_in_a_formula_are_one_input_each_and_the_reading_is_said():
    eq = lower(f"$${RATE}$$")
    assert [s.name for s in eq.inputs] == ["number_of_true_positives", "number_of_actual_positives"]
    assert readings(f"$${RATE}$$").count("read-words-quantity") == 2
    assert float(value(eq, number_of_true_positives=3.0, number_of_actual_positives=4.0)) == pytest.approx(0.75)


def test_a_count_sign_and_a_linear_model_over_features_said_in_words():
    eq = lower(r"$$\hat{y} = \theta_0 + \theta_1 (\text{years of experience})"
               r" + \theta_2 (\text{\# of past projects})$$")
    assert {s.name for s in eq.inputs} >= {"years_of_experience", "n_of_past_projects"}


@pytest.mark.parametrize("latex", [
    r"L = a + b \text{ where } a \in \mathbb{R}",          # prose joining formulas
    r"y = x \text{ for each class } k",                    # starts with a connective
    r"p = \frac{\text{the number of heads}}{n}",           # starts with a connective: prose
    r"n_C = \text{number of filters used in the layer}",   # only names a quantity in words
])
def test_prose_stays_prose_and_naming_in_words_computes_nothing(latex):
    f = read_equation_file("unit.tex", f"$${latex}$$")
    assert f.main is None or not f.main.checkable
