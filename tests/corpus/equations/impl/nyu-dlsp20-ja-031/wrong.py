# mistake: the norm is not squared
"""A realistic learner mistake for nyu-dlsp20-ja-031 (equation.tex)."""
import numpy as np


def regularized_loss(loss, params, lam):
    return loss + lam / 2 * np.linalg.norm(params)
