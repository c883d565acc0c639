# mistake: scale-only-positive-part: multiplies only max(0, x) by scale
"""A realistic learner mistake for nyu-dlsp20-en-012 (equation.tex)."""
import numpy as np


def selu(x, scale, alpha):
    return scale * np.maximum(0.0, x) + np.minimum(0.0, alpha * (np.exp(x) - 1.0))
