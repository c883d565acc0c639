# mistake: sum-instead-of-mean: forgets the 1/n
"""A realistic learner mistake for t81-558-013 (equation.tex)."""
import numpy as np


def mse(y_hat, y):
    return np.sum((y_hat - y) ** 2)
