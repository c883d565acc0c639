"""Correct NumPy implementation of bmlip-010 (equation.tex)."""
import numpy as np


def transition_probability(a, z_prev, z):
    return np.prod(a ** np.outer(z_prev, z))
