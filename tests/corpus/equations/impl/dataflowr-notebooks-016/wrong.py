# mistake: mean-instead-of-sum: averages the per-sample losses
"""A realistic learner mistake for dataflowr-notebooks-016 (equation.tex)."""
import numpy as np


def loss(w, b, x, y):
    return np.mean((np.exp(w * x + b) - y) ** 2)
