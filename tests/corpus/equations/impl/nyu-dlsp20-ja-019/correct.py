"""Correct NumPy implementation of nyu-dlsp20-ja-019 (equation.tex)."""
import numpy as np


def energy(z, y, W, lam):
    return np.sum((y - W @ z) ** 2) + lam * np.sum(np.abs(z))
