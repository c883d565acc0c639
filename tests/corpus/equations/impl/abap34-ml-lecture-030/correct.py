"""Correct NumPy implementation of abap34-ml-lecture-030 (equation.tex)."""
import numpy as np


def g(x, a, b, c):
    return np.sum(a / (1.0 + np.exp(-(b * x + c))))
