"""Correct NumPy implementation of t81-558-004 (equation.tex)."""
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)
