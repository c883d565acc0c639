"""Correct NumPy implementation of nyu-dlsp20-en-013 (equation.tex)."""
import numpy as np


def soft_shrinkage(x, lam):
    return np.where(x > lam, x - lam, np.where(x < -lam, x + lam, 0.0))
