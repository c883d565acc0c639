"""Correct NumPy implementation of bmlip-026 (equation.tex)."""
import numpy as np


def entropy(p):
    return -np.sum(p * np.log(p))
