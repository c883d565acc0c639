# mistake: sign-error: negative branch -a*x
"""A realistic learner mistake for nyu-dlsp20-ja-023 (equation.tex)."""
import numpy as np


def leaky_relu(x, a):
    return np.where(x >= 0, x, -a * x)
