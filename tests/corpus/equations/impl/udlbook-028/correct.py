"""Correct NumPy implementation of udlbook-028 (equation.tex)."""
import numpy as np


def denoise_mean(z_t, g, alpha_t, beta_t):
    return (z_t - beta_t / np.sqrt(1 - alpha_t) * g) / np.sqrt(1 - beta_t)
