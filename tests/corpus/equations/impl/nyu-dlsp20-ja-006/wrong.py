# mistake: forgets-upstream-gradient: returns the 0/1 mask without multiplying by dC/dY
"""A realistic learner mistake for nyu-dlsp20-ja-006 (equation.tex)."""
import numpy as np


def max_backward(X_1, X_2, dC_dY):
    return np.where(X_1 > X_2, 1.0, 0.0)
