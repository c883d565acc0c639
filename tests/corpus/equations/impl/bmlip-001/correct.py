"""Correct NumPy implementation of bmlip-001 (equation.tex)."""
import numpy as np


def sigmoid_derivative(xi):
    s = 1.0 / (1.0 + np.exp(-xi))
    return s * (1.0 - s)
