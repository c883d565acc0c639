"""Correct NumPy implementation of fumishiki-zenn-035 (equation.tex)."""
import numpy as np


def cross_attention_projections(z, c, W_Q, W_K, W_V):
    Q = np.dot(z, W_Q)
    K = np.dot(c, W_K)
    V = np.dot(c, W_V)
    return Q, K, V
