# mistake: the slope term is applied to every z, not only to z <= 0
"""A realistic learner mistake for udlbook-005 (equation.tex)."""
import numpy as np


def prelu(z, slope):
    return np.maximum(0, z) + slope * z
