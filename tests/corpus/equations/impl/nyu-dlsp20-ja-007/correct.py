"""Correct NumPy implementation of nyu-dlsp20-ja-007 (equation.tex)."""
import numpy as np


def h(s):
    s = np.asarray(s, dtype=float)
    out = np.empty_like(s)
    pos = s >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-s[pos]))
    e = np.exp(s[~pos])
    out[~pos] = e / (1.0 + e)
    return out
