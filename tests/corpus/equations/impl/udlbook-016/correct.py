"""Correct NumPy implementation of udlbook-016 (equation.tex)."""
import numpy as np


def init_moments(grad):
    m = grad.copy()
    v = grad * grad
    return m, v
