# mistake: index typo: x[1] used twice, x[2] never
"""A realistic learner mistake for abap34-ml-lecture-014 (equation.tex)."""
import numpy as np


def f(x):
    return 2 * x[0] + 3 * x[1] + 4 * x[1]
