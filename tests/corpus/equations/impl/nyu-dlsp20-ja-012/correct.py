"""Correct NumPy implementation of nyu-dlsp20-ja-012 (equation.tex)."""
import numpy as np


def linear_layer(W, x):
    s = np.zeros(W.shape[0])
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            s[i] += W[i, j] * x[j]
    return s
