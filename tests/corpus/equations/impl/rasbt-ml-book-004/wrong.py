# mistake: mean-of-predictions: SST around the mean of y_hat instead of the mean of y
"""A realistic learner mistake for rasbt-ml-book-004 (equation.tex)."""
import numpy as np


def r2_score(y, y_hat):
    return 1.0 - np.mean((y - y_hat) ** 2) / np.mean((y - np.mean(y_hat)) ** 2)
