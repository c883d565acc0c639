# mistake: sign-error: shifts the branches the wrong way (x + lambda above lambda)
"""A realistic learner mistake for nyu-dlsp20-en-013 (equation.tex)."""
import numpy as np


def soft_shrinkage(x, lam):
    return np.where(x > lam, x + lam, np.where(x < -lam, x - lam, 0.0))
