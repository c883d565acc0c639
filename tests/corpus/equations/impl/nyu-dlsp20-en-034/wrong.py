# mistake: takes the log of the input again although it already holds log-probabilities
"""A realistic learner mistake for nyu-dlsp20-en-034 (equation.tex)."""
import numpy as np


def kl_div_pointwise(x, y):
    return y * (np.log(y) - np.log(np.exp(x) + 1))
