"""Correct NumPy implementation of fumishiki-zenn-022 (equation.tex)."""
import numpy as np


def softmax(s, tau):
    z = s / tau
    e = np.exp(z - z.max())
    return e / e.sum()
