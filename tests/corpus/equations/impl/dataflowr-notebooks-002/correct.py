"""Correct NumPy implementation of dataflowr-notebooks-002 (equation.tex)."""
import numpy as np


def rnn_step(x_t, h_prev, W_xh, W_hh, b_h):
    return np.maximum(0.0, W_xh @ x_t + W_hh @ h_prev + b_h)
