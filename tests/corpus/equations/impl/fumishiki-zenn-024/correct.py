"""Correct NumPy implementation of fumishiki-zenn-024 (equation.tex)."""
import numpy as np


def simulate_iv(Z, nu, U, pi0, pi1, beta0, beta1):
    D = pi0 + pi1 * Z + nu
    Y = beta0 + beta1 * D + U
    return D, Y
