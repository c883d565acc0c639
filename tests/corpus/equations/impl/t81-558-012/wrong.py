# mistake: wrong-log-base: log10 instead of the natural log
"""A realistic learner mistake for t81-558-012 (equation.tex)."""
import numpy as np


def log_loss(y, y_hat):
    return -np.mean(y * np.log10(y_hat) + (1 - y) * np.log10(1 - y_hat))
