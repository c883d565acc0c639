"""Correct NumPy implementation of udlbook-017 (equation.tex)."""
import numpy as np


def toy_loss(x_i, y_i, beta, omega):
    f0 = beta[0] + omega[0] * x_i
    h1 = np.sin(f0)
    f1 = beta[1] + omega[1] * h1
    h2 = np.exp(f1)
    f2 = beta[2] + omega[2] * h2
    h3 = np.cos(f2)
    f3 = beta[3] + omega[3] * h3
    return (f3 - y_i) ** 2
