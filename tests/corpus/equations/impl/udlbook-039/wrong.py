# mistake: x times Omega_v (the transpose of the weights)
"""A realistic learner mistake for udlbook-039 (equation.tex)."""
import numpy as np


def value_vector(x, Omega_v, beta_v):
    return beta_v + np.dot(x, Omega_v)
