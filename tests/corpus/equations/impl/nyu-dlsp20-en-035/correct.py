"""Correct NumPy implementation of nyu-dlsp20-en-035 (equation.tex)."""
import numpy as np


def margin_ranking_loss(x1, x2, y, margin=0.0):
    return np.maximum(0, -y * (x1 - x2) + margin)
