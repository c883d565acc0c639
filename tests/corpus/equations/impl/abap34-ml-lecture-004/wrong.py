# mistake: sqrt(2 pi) * sigma^2 instead of sqrt(2 pi sigma^2)
"""A realistic learner mistake for abap34-ml-lecture-004 (equation.tex)."""
import numpy as np


def gaussian_likelihood(y, y_pred, sigma):
    dens = np.exp(-(y - y_pred) ** 2 / (2 * sigma ** 2)) / (np.sqrt(2 * np.pi) * sigma ** 2)
    return np.prod(dens)
