# mistake: mean-instead-of-sum: averages over the samples
"""A realistic learner mistake for uvadlc-notebooks-032 (equation.tex)."""
import numpy as np


def bce(x, y):
    return -np.mean(y * np.log(x) + (1 - y) * np.log(1 - x))
