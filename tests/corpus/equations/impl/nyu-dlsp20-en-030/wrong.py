# mistake: exp(x) for exp(-x) (the log of sigma(-x))
"""A realistic learner mistake for nyu-dlsp20-en-030 (equation.tex)."""
import numpy as np


def log_sigmoid(x):
    return -np.logaddexp(0, x)
