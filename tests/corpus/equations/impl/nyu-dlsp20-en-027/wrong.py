# mistake: the second moment accumulates the gradient, not its square
"""A realistic learner mistake for nyu-dlsp20-en-027 (equation.tex)."""
import numpy as np


def adam_step(w, m, v, grad, lr=0.001, beta=0.9, alpha=0.999, eps=1e-8):
    w_new = w - lr * m / (np.sqrt(alpha * v + (1 - alpha) * grad) + eps)
    m = beta * m + (1 - beta) * grad
    v = alpha * v + (1 - alpha) * grad
    return w_new, m, v
