"""Correct NumPy implementation of bmlip-023 (equation.tex)."""
import numpy as np


def likelihood(x, mu):
    return np.prod(mu ** x.sum(axis=0))
