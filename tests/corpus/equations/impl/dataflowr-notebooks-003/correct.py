"""Correct NumPy implementation of dataflowr-notebooks-003 (equation.tex)."""
import numpy as np


def rnn_cell(x, h_prev, W_xh, W_hh, b):
    return np.maximum(0, W_xh @ x + W_hh @ h_prev + b)
