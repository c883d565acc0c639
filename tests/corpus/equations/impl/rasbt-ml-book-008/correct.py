"""Correct NumPy implementation of rasbt-ml-book-008 (equation.tex)."""
import numpy as np


def l2_normalize(v):
    return v / np.sqrt(np.sum(v ** 2))
