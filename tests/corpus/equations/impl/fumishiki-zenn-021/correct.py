"""Correct NumPy implementation of fumishiki-zenn-021 (equation.tex)."""
import numpy as np


def attention_weights(Q, K):
    S = Q.T @ K / np.sqrt(Q.shape[0])
    E = np.exp(S - S.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)
