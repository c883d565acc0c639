"""Correct NumPy implementation of udlbook-001 (equation.tex)."""
import numpy as np


def y(x, beta, omega):
    inner = beta[0] + omega[0] * x
    f1 = beta[1] + omega[1] * np.sin(inner)
    f2 = beta[2] + omega[2] * np.exp(f1)
    f3 = beta[3] + omega[3] * np.cos(f2)
    return beta[4] + omega[4] * np.log(f3)
