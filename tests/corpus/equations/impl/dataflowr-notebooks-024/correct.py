"""Correct NumPy implementation of dataflowr-notebooks-024 (equation.tex)."""
import numpy as np


def context_probability(U, v_o, c):
    s = U @ v_o
    e = np.exp(s - s.max())
    return e[c] / e.sum()
