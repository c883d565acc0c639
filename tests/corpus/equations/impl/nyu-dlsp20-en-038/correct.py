"""Correct NumPy implementation of nyu-dlsp20-en-038 (equation.tex)."""
import numpy as np


def sgd_weight_decay(w, grad, lr=0.1, alpha=1e-4):
    return (1 - 2 * lr * alpha) * w - lr * grad
