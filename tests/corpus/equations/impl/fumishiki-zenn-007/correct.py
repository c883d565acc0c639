"""Correct NumPy implementation of fumishiki-zenn-007 (equation.tex)."""
import numpy as np


def rate_distortion(sigma2, D):
    return max(0.0, 0.5 * np.log(sigma2 / D))
