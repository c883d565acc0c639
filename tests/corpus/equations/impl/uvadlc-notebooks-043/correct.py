"""Correct NumPy implementation of uvadlc-notebooks-043 (equation.tex)."""
import numpy as np


def bce(preds, labels):
    total = 0.0
    for p, t in zip(preds, labels):
        total += t * np.log(p) + (1 - t) * np.log(1 - p)
    return total
