"""Correct NumPy implementation of udlbook-037 (equation.tex)."""
import numpy as np


def batch_stats(h):
    m = np.mean(h)
    s = np.sqrt(np.mean((h - m) ** 2))
    return m, s
