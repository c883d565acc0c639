"""Correct NumPy implementation of udlbook-004 (equation.tex)."""
import numpy as np


def prelu(gamma, z):
    return np.where(z > 0, z, gamma * z)


def shallow_prelu_net(x, gamma, beta_0, omega_0, beta_1, omega_1, beta_2, omega_2, beta_3, omega_3):
    h1 = prelu(gamma, beta_0 + omega_0 * x)
    h2 = prelu(gamma, beta_1 + omega_1 * h1)
    h3 = prelu(gamma, beta_2 + omega_2 * h2)
    return beta_3 + omega_3 * h3
