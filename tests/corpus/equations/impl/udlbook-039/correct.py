"""Correct NumPy implementation of udlbook-039 (equation.tex)."""
import numpy as np


def value_vector(x, Omega_v, beta_v):
    return beta_v + np.dot(Omega_v, x)
