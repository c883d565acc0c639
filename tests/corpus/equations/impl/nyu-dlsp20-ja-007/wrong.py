# mistake: computes 1 - sigmoid: exp(-s) / (1 + exp(-s))
"""A realistic learner mistake for nyu-dlsp20-ja-007 (equation.tex)."""
import numpy as np


def h(s):
    return np.exp(-s) / (1 + np.exp(-s))
