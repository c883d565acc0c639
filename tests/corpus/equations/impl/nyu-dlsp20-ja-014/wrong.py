# mistake: old-cell-state: h_t = o_t * tanh(c_{t-1}) instead of tanh(c_t)
"""A realistic learner mistake for nyu-dlsp20-ja-014 (equation.tex)."""
import numpy as np


def lstm_step(x_t, h_prev, c_prev, W_f, W_i, W_o, W_c, U_f, U_i, U_o, U_c, b_f, b_i, b_o, b_c):
    sig = lambda z: 1.0 / (1.0 + np.exp(-z))
    f = sig(W_f @ x_t + U_f @ h_prev + b_f)
    i = sig(W_i @ x_t + U_i @ h_prev + b_i)
    o = sig(W_o @ x_t + U_o @ h_prev + b_o)
    c = f * c_prev + i * np.tanh(W_c @ x_t + U_c @ h_prev + b_c)
    return o * np.tanh(c_prev)
