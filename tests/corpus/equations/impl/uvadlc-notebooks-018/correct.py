"""Correct NumPy implementation of uvadlc-notebooks-018 (equation.tex)."""
import numpy as np


def prior_prob(z):
    p = 0.5
    return np.prod(p ** z * (1 - p) ** (1 - z))
