"""Correct NumPy implementation of bmlip-009 (equation.tex)."""
import numpy as np


def softmax_jacobian(a):
    e = np.exp(a - a.max())
    phi = e / e.sum()
    return np.diag(phi) - np.outer(phi, phi)
