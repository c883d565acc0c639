# mistake: elementwise-sqrt: takes the entrywise square root of Sigma_r*Sigma_g instead of the matrix square root
"""A realistic learner mistake for fumishiki-zenn-037 (equation.tex)."""
import numpy as np


def fvd(mu_r, mu_g, Sigma_r, Sigma_g):
    return np.sum((mu_r - mu_g) ** 2) + np.trace(Sigma_r + Sigma_g - 2.0 * np.sqrt(np.abs(Sigma_r * Sigma_g)))
