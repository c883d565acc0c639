# mistake: wrong-axis: normalises the softmax over axis 0 (columns)
"""A realistic learner mistake for fumishiki-zenn-021 (equation.tex)."""
import numpy as np


def attention_weights(Q, K):
    S = Q.T @ K / np.sqrt(Q.shape[0])
    E = np.exp(S - S.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
