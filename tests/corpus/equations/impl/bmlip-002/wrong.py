# mistake: missing-sqrt: normalises by 2*pi instead of sqrt(2*pi)
"""A realistic learner mistake for bmlip-002 (equation.tex)."""
import numpy as np


def h(x, y):
    return np.exp(-(y - x) ** 2 / 2) / (2 * np.pi)
