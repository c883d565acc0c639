# mistake: normalises-by-sum-of-inputs: divides exp(x_i) by the sum of x
"""A realistic learner mistake for t81-558-004 (equation.tex)."""
import numpy as np


def softmax(x):
    return np.exp(x) / np.sum(x)
