# mistake: sign-error: softmax of x instead of softmax of -x
"""A realistic learner mistake for nyu-dlsp20-en-015 (equation.tex)."""
import numpy as np


def softmin(x):
    e = np.exp(x - x.max())
    return e / e.sum()
