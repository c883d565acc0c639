# mistake: temperature-inverted: multiplies by tau instead of dividing
"""A realistic learner mistake for fumishiki-zenn-022 (equation.tex)."""
import numpy as np


def softmax(s, tau):
    z = s * tau
    e = np.exp(z - z.max())
    return e / e.sum()
