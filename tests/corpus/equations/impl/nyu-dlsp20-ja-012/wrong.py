# mistake: indices swapped: W[j, i] (a transposed W, square so nothing crashes)
"""A realistic learner mistake for nyu-dlsp20-ja-012 (equation.tex)."""
import numpy as np


def linear_layer(W, x):
    s = np.zeros(W.shape[0])
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            s[i] += W[j, i] * x[j]
    return s
