"""Correct NumPy implementation of dataflowr-notebooks-010 (equation.tex)."""
import numpy as np


def langevin_step(x_prev, epsilon, grad, z_t):
    return x_prev - epsilon * grad + np.sqrt(2.0 * epsilon) * z_t
