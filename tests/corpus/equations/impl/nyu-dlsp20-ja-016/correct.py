"""Correct NumPy implementation of nyu-dlsp20-ja-016 (equation.tex)."""
import numpy as np


def reconstruction_loss(x, x_hat):
    return 0.5 * np.sum((x - x_hat) ** 2)
