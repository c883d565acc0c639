"""Correct NumPy implementation of dataflowr-notebooks-004 (equation.tex)."""
import numpy as np


def update_gate(x_t, h_prev, W_xz, W_hz, b_z):
    return 1.0 / (1.0 + np.exp(-(W_xz @ x_t + W_hz @ h_prev + b_z)))
