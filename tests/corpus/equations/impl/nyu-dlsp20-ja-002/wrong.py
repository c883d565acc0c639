# mistake: the scale is applied after tanh instead of before it
"""A realistic learner mistake for nyu-dlsp20-ja-002 (equation.tex)."""
import numpy as np


def scaled_tanh(x, s):
    return s * np.tanh(x)
