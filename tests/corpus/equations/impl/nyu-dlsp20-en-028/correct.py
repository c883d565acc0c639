"""Correct NumPy implementation of nyu-dlsp20-en-028 (equation.tex)."""
import numpy as np


def scale_shift(x, mu, sigma, a, b):
    x_hat = (x - mu) / sigma
    return a * x_hat + b
