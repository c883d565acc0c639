# mistake: sum of the per-bit probabilities instead of their product
"""A realistic learner mistake for uvadlc-notebooks-018 (equation.tex)."""
import numpy as np


def prior_prob(z):
    p = 0.5
    return np.sum(p ** z * (1 - p) ** (1 - z))
