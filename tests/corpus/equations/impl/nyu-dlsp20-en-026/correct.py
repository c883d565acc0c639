"""Correct NumPy implementation of nyu-dlsp20-en-026 (equation.tex)."""
import numpy as np


def rmsprop_update(w, grad, v, lr=0.01, alpha=0.99, eps=1e-8):
    v = alpha * v + (1 - alpha) * grad ** 2
    w = w - lr * grad / (np.sqrt(v) + eps)
    return w, v
