"""Correct NumPy implementation of udlbook-023 (equation.tex)."""
import numpy as np


def attention_weights(K, q):
    s = K @ q
    e = np.exp(s - s.max())
    return e / e.sum()
