# mistake: sqrt(2 pi) * sigma^2 in the normaliser (the variance is not under the root)
"""A realistic learner mistake for udlbook-040 (equation.tex)."""
import numpy as np


def normal_pdf(y, mu, sigma2):
    return np.exp(-(y - mu) ** 2 / (2 * sigma2)) / (np.sqrt(2 * np.pi) * sigma2)
