"""Correct NumPy implementation of abap34-ml-lecture-026 (equation.tex)."""
import numpy as np


def layer(W, u, b):
    return 1.0 / (1.0 + np.exp(-(W @ u + b)))
