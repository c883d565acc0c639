# mistake: missing-half: quadratic branch without the 0.5
"""A realistic learner mistake for nyu-dlsp20-en-016 (equation.tex)."""
import numpy as np


def smooth_l1(x, y):
    d = np.abs(x - y)
    return np.where(d < 1, d ** 2, d - 0.5)
