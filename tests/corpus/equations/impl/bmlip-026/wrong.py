# mistake: wrong-log-base: log2 (bits) instead of the natural log
"""A realistic learner mistake for bmlip-026 (equation.tex)."""
import numpy as np


def entropy(p):
    return -np.sum(p * np.log2(p))
