# mistake: log2-instead-of-ln: measures the rate in bits
"""A realistic learner mistake for fumishiki-zenn-007 (equation.tex)."""
import numpy as np


def rate_distortion(sigma2, D):
    return max(0.0, 0.5 * np.log2(sigma2 / D))
