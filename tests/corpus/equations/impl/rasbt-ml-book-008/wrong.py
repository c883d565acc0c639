# mistake: missing-sqrt: divides by the squared norm
"""A realistic learner mistake for rasbt-ml-book-008 (equation.tex)."""
import numpy as np


def l2_normalize(v):
    return v / np.sum(v ** 2)
