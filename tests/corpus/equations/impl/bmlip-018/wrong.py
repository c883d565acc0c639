# mistake: off-by-one: the sum skips the first basis function (j = 0, the bias)
"""A realistic learner mistake for bmlip-018 (equation.tex)."""
import numpy as np


def predict(w, phi):
    return float(np.dot(w[1:], phi[1:]))
