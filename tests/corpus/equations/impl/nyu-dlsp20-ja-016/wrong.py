# mistake: mean-instead-of-sum: averages the squared errors
"""A realistic learner mistake for nyu-dlsp20-ja-016 (equation.tex)."""
import numpy as np


def reconstruction_loss(x, x_hat):
    return 0.5 * np.mean((x - x_hat) ** 2)
