"""Correct NumPy implementation of uvadlc-notebooks-032 (equation.tex)."""
import numpy as np


def bce(x, y):
    return -np.sum(y * np.log(x) + (1 - y) * np.log(1 - x))
