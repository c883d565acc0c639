"""Correct NumPy implementation of nyu-dlsp20-en-014 (equation.tex)."""
import numpy as np


def hard_shrink(x, lambd):
    return np.where(np.abs(x) > lambd, x, 0.0)
