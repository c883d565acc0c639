"""Correct NumPy implementation of fumishiki-zenn-003 (equation.tex)."""
import numpy as np


def projected_variance(X_centered, v):
    N = X_centered.shape[0]
    cov = X_centered.T @ X_centered / (N - 1)
    return v @ cov @ v
