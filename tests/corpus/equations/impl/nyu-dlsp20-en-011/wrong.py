# mistake: missing-scale: forgets the 1/beta factor
"""A realistic learner mistake for nyu-dlsp20-en-011 (equation.tex)."""
import numpy as np


def softplus(x, beta):
    return np.log1p(np.exp(beta * x))
