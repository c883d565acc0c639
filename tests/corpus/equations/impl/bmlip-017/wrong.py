# mistake: missing transpose: A Sigma A instead of A Sigma A^T
"""A realistic learner mistake for bmlip-017 (equation.tex)."""
import numpy as np


def linear_transform_gaussian(mean, cov, A, b):
    return A @ mean + b, A @ cov @ A
