"""Correct NumPy implementation of bmlip-017 (equation.tex)."""
import numpy as np


def linear_transform_gaussian(mean, cov, A, b):
    return A @ mean + b, A @ cov @ A.T
