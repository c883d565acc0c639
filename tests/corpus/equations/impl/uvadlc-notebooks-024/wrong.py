# mistake: temperature-outside-exp: divides exp(x) by tau, which cancels in the normalisation
"""A realistic learner mistake for uvadlc-notebooks-024 (equation.tex)."""
import numpy as np


def softmax_tau(x, tau):
    e = np.exp(x - x.max()) / tau
    return e / e.sum()
