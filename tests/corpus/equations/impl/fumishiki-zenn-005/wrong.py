# mistake: inner-instead-of-outer: s^T s (a scalar) broadcast instead of the outer product s s^T
"""A realistic learner mistake for fumishiki-zenn-005 (equation.tex)."""
import numpy as np


def softmax_jacobian(s):
    return np.diag(s) - s @ s
