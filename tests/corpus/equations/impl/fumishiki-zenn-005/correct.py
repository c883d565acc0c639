"""Correct NumPy implementation of fumishiki-zenn-005 (equation.tex)."""
import numpy as np


def softmax_jacobian(s):
    return np.diag(s) - np.outer(s, s)
