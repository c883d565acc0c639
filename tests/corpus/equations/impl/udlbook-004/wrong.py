# mistake: applies the activation to the output layer too
"""A realistic learner mistake for udlbook-004 (equation.tex)."""
import numpy as np


def prelu(gamma, z):
    return np.where(z > 0, z, gamma * z)


def shallow_prelu_net(x, gamma, beta_0, omega_0, beta_1, omega_1, beta_2, omega_2, beta_3, omega_3):
    h = x
    for beta, omega in [(beta_0, omega_0), (beta_1, omega_1), (beta_2, omega_2), (beta_3, omega_3)]:
        h = prelu(gamma, beta + omega * h)
    return h
