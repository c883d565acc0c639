"""Correct NumPy implementation of nyu-dlsp20-ja-031 (equation.tex)."""
import numpy as np


def regularized_loss(loss, params, lam):
    return loss + lam / 2 * np.sum(params ** 2)
