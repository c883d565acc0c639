# mistake: returns the backward mask (the derivative) instead of the activation
"""A realistic learner mistake for t81-558-003 (equation.tex)."""
import numpy as np


def relu(x):
    return np.where(x > 0, 1.0, 0.0)
