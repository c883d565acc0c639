"""Correct NumPy implementation of udlbook-006 (equation.tex)."""
import numpy as np


def toy_model(x, beta0, beta1, beta2, beta3, omega0, omega1, omega2, omega3):
    f0 = beta0 + omega0 * x
    h1 = np.sin(f0)
    f1 = beta1 + omega1 * h1
    h2 = np.exp(f1)
    f2 = beta2 + omega2 * h2
    h3 = np.cos(f2)
    return beta3 + omega3 * h3
