# mistake: the outcome is driven by the instrument Z instead of the treatment D
"""A realistic learner mistake for fumishiki-zenn-024 (equation.tex)."""
import numpy as np


def simulate_iv(Z, nu, U, pi0, pi1, beta0, beta1):
    D = pi0 + pi1 * Z + nu
    Y = beta0 + beta1 * Z + U
    return D, Y
