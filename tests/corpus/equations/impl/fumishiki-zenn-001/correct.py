"""Correct NumPy implementation of fumishiki-zenn-001 (equation.tex)."""
import numpy as np


def f_theta(W, x, b):
    return 1.0 / (1.0 + np.exp(-(W @ x + b)))
