# mistake: copy-paste: the queries are projected from the context c instead of z
"""A realistic learner mistake for fumishiki-zenn-035 (equation.tex)."""
import numpy as np


def cross_attention_projections(z, c, W_Q, W_K, W_V):
    Q = np.dot(c, W_Q)
    K = np.dot(c, W_K)
    V = np.dot(c, W_V)
    return Q, K, V
