# mistake: missing-transpose: indexes a_{kj} instead of a_{jk}
"""A realistic learner mistake for bmlip-010 (equation.tex)."""
import numpy as np


def transition_probability(a, z_prev, z):
    return np.prod(a.T ** np.outer(z_prev, z))
