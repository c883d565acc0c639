"""Correct NumPy implementation of abap34-ml-lecture-025 (equation.tex)."""
import numpy as np


def f(x, a, b, c):
    return np.sum(a * np.sin(b * x + c))
