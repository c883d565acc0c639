"""Correct NumPy implementation of t81-558-012 (equation.tex)."""
import numpy as np


def log_loss(y, y_hat):
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
