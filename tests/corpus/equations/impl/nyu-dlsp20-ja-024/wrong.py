# mistake: missing-lower-clip: min(x, 6) without the max(0, x)
"""A realistic learner mistake for nyu-dlsp20-ja-024 (equation.tex)."""
import numpy as np


def relu6(x):
    return np.minimum(x, 6.0)
