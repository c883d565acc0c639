# mistake: missing-transpose: h_{t-1} @ W_hh (i.e. W_hh^T h) on the square recurrent matrix
"""A realistic learner mistake for dataflowr-notebooks-002 (equation.tex)."""
import numpy as np


def rnn_step(x_t, h_prev, W_xh, W_hh, b_h):
    return np.maximum(0.0, W_xh @ x_t + h_prev @ W_hh + b_h)
