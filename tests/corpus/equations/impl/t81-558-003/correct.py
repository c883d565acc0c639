"""Correct NumPy implementation of t81-558-003 (equation.tex)."""
import numpy as np


def relu(x):
    return np.where(x > 0, x, 0.0)
