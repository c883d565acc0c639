# mistake: 2*sigmoid(x) - 1 (the identity is 2*sigmoid(2x) - 1)
"""A realistic learner mistake for t81-558-009 (equation.tex)."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def tanh(x):
    return 2 * sigmoid(x) - 1
