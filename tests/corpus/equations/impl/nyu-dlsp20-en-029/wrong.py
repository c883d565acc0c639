# mistake: the leaky ReLU's alpha * x for the negative side instead of alpha * (exp(x) - 1)
"""A realistic learner mistake for nyu-dlsp20-en-029 (equation.tex)."""
import numpy as np


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * x)
