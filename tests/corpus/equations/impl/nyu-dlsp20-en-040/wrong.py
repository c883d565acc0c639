# mistake: clips at 0 from below (the ReLU6-style lower bound) instead of -1
"""A realistic learner mistake for nyu-dlsp20-en-040 (equation.tex)."""
import numpy as np


def hardtanh(x):
    return np.clip(x, 0.0, 1.0)
