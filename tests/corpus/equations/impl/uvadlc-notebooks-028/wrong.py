# mistake: wrong-log-base: multiplies by ln 2 instead of log2(e)
"""A realistic learner mistake for uvadlc-notebooks-028 (equation.tex)."""
import numpy as np


def bits_per_dim(nll, d):
    return nll * np.log(2.0) / np.prod(d)
