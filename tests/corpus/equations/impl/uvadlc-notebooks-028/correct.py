"""Correct NumPy implementation of uvadlc-notebooks-028 (equation.tex)."""
import numpy as np


def bits_per_dim(nll, d):
    return nll * np.log2(np.exp(1.0)) / np.prod(d)
