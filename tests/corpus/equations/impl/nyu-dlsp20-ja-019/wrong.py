# mistake: l2-instead-of-l1: penalises the Euclidean norm of z
"""A realistic learner mistake for nyu-dlsp20-ja-019 (equation.tex)."""
import numpy as np


def energy(z, y, W, lam):
    return np.sum((y - W @ z) ** 2) + lam * np.sqrt(np.sum(z ** 2))
