# mistake: log-softmax: returns z_k - log sum exp z instead of the probabilities
"""A realistic learner mistake for udlbook-013 (equation.tex)."""
import numpy as np


def softmax(z):
    return z - np.log(np.sum(np.exp(z)))
