# mistake: dot-instead-of-cosine: uses the raw dot product without normalising
"""A realistic learner mistake for nyu-dlsp20-en-017 (equation.tex)."""
import numpy as np


def cosine_embedding_loss(x_1, x_2, y, margin):
    cos = x_1 @ x_2
    if y == 1:
        return 1.0 - cos
    return max(0.0, cos - margin)
