"""Correct NumPy implementation of bmlip-025 (equation.tex)."""
import numpy as np


def lagrangian(m, mu, lam):
    return np.sum(m * np.log(mu)) + lam * (1.0 - np.sum(mu))
