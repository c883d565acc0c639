# mistake: divides by the old running average v_t instead of the updated v_{t+1}
"""A realistic learner mistake for nyu-dlsp20-en-026 (equation.tex)."""
import numpy as np


def rmsprop_update(w, grad, v, lr=0.01, alpha=0.99, eps=1e-8):
    w = w - lr * grad / (np.sqrt(v) + eps)
    v = alpha * v + (1 - alpha) * grad ** 2
    return w, v
