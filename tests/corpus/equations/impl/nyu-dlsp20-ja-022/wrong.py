# mistake: inverted mask: zeroes the positive entries
"""A realistic learner mistake for nyu-dlsp20-ja-022 (equation.tex)."""
import numpy as np


def relu(x):
    mask = (x >= 0)
    out = x.copy()
    out[mask] = 0
    return out
