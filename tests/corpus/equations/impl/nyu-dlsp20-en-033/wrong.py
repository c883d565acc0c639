# mistake: the class weight multiplies the target score only
"""A realistic learner mistake for nyu-dlsp20-en-033 (equation.tex)."""
import numpy as np


def weighted_cross_entropy(x, c, w):
    lse = np.log(np.sum(np.exp(x)))
    return -w[c] * x[c] + lse
