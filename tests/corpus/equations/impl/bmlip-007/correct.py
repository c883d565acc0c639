"""Correct NumPy implementation of bmlip-007 (equation.tex)."""
import numpy as np


def categorical_likelihood(x_n, theta):
    return np.prod(theta ** x_n)
