"""Correct NumPy implementation of nyu-dlsp20-en-012 (equation.tex)."""
import numpy as np


def selu(x, scale, alpha):
    return scale * (np.maximum(0.0, x) + np.minimum(0.0, alpha * (np.exp(x) - 1.0)))
