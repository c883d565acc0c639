# mistake: tanh-instead-of-sigmoid: the gate uses tanh
"""A realistic learner mistake for dataflowr-notebooks-004 (equation.tex)."""
import numpy as np


def update_gate(x_t, h_prev, W_xz, W_hz, b_z):
    return np.tanh(W_xz @ x_t + W_hz @ h_prev + b_z)
