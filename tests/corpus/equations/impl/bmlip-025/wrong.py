# mistake: constraint-per-term: lambda * sum(1 - mu_k) instead of lambda * (1 - sum mu_k)
"""A realistic learner mistake for bmlip-025 (equation.tex)."""
import numpy as np


def lagrangian(m, mu, lam):
    return np.sum(m * np.log(mu)) + lam * np.sum(1.0 - mu)
