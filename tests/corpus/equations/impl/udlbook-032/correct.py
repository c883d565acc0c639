"""Correct NumPy implementation of udlbook-032 (equation.tex)."""
import numpy as np


def leaky_relu(z, alpha=0.01):
    out = z.copy()
    out[z < 0] *= alpha
    return out
