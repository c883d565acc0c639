# mistake: sqrt-inside-mean: mean of sqrt of squared errors (the MAE)
"""A realistic learner mistake for t81-558-014 (equation.tex)."""
import numpy as np


def rmse(y_hat, y):
    return np.mean(np.sqrt((y_hat - y) ** 2))
