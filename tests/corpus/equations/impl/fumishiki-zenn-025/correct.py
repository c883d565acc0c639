"""Correct NumPy implementation of fumishiki-zenn-025 (equation.tex)."""
import numpy as np


def grad_positive_logit(s_pos, tau, Z):
    p_pos = np.exp(s_pos / tau) / Z
    return -(1.0 - p_pos) / tau
