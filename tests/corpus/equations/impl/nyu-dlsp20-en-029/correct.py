"""Correct NumPy implementation of nyu-dlsp20-en-029 (equation.tex)."""
import numpy as np


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))
