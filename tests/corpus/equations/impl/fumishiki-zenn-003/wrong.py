# mistake: biased covariance: divides by N instead of N - 1
"""A realistic learner mistake for fumishiki-zenn-003 (equation.tex)."""
import numpy as np


def projected_variance(X_centered, v):
    N = X_centered.shape[0]
    cov = X_centered.T @ X_centered / N
    return v @ cov @ v
