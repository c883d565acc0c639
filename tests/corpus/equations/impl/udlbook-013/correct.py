"""Correct NumPy implementation of udlbook-013 (equation.tex)."""
import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()
