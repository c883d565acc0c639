"""Correct NumPy implementation of uvadlc-notebooks-030 (equation.tex)."""
import numpy as np


def gated_activation(W_f, W_g, x):
    return np.tanh(W_f @ x) * (1.0 / (1.0 + np.exp(-(W_g @ x))))
