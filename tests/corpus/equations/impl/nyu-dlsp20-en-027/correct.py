"""Correct NumPy implementation of nyu-dlsp20-en-027 (equation.tex)."""
import numpy as np


def adam_step(w, m, v, grad, lr=0.001, beta=0.9, alpha=0.999, eps=1e-8):
    w_new = w - lr * m / (np.sqrt(alpha * v + (1 - alpha) * grad ** 2) + eps)
    m = beta * m + (1 - beta) * grad
    v = alpha * v + (1 - alpha) * grad ** 2
    return w_new, m, v
