# mistake: sum-instead-of-product: adds theta_k^{x_nk}
"""A realistic learner mistake for bmlip-007 (equation.tex)."""
import numpy as np


def categorical_likelihood(x_n, theta):
    return np.sum(theta ** x_n)
