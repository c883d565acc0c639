"""Correct NumPy implementation of rasbt-ml-book-004 (equation.tex)."""
import numpy as np


def r2_score(y, y_hat):
    mu_y = np.mean(y)
    return 1.0 - np.mean((y - y_hat) ** 2) / np.mean((y - mu_y) ** 2)
