"""Correct NumPy implementation of uvadlc-notebooks-025 (equation.tex)."""
import numpy as np


def softmax(logits):
    w = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True)
