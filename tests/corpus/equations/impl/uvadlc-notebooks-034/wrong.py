# mistake: missing-scale: forgets to divide by sqrt(d_k)
"""A realistic learner mistake for uvadlc-notebooks-034 (equation.tex)."""
import numpy as np


def attention(Q, K, V):
    S = Q @ K.T
    E = np.exp(S - S.max(axis=-1, keepdims=True))
    return (E / E.sum(axis=-1, keepdims=True)) @ V
