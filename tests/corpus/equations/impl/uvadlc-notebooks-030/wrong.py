# mistake: swapped-gates: tanh on the W_g branch and sigmoid on the W_f branch
"""A realistic learner mistake for uvadlc-notebooks-030 (equation.tex)."""
import numpy as np


def gated_activation(W_f, W_g, x):
    return np.tanh(W_g @ x) * (1.0 / (1.0 + np.exp(-(W_f @ x))))
