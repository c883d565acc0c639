# mistake: phase-inside-product: sin(b_i (x + c_i)) instead of sin(b_i x + c_i)
"""A realistic learner mistake for abap34-ml-lecture-025 (equation.tex)."""
import numpy as np


def f(x, a, b, c):
    return np.sum(a * np.sin(b * (x + c)))
