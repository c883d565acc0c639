# mistake: the factor 2 of the derivative of alpha * ||w||^2 is dropped
"""A realistic learner mistake for nyu-dlsp20-en-038 (equation.tex)."""
import numpy as np


def sgd_weight_decay(w, grad, lr=0.1, alpha=1e-4):
    return (1 - lr * alpha) * w - lr * grad
