"""Correct NumPy implementation of t81-558-013 (equation.tex)."""
import numpy as np


def mse(y_hat, y):
    return np.mean((y_hat - y) ** 2)
