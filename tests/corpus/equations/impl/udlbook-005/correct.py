"""Correct NumPy implementation of udlbook-005 (equation.tex)."""
import numpy as np


def prelu(z, slope):
    return np.maximum(0, z) + slope * np.minimum(0, z)
