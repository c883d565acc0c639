# mistake: divides by the variance sigma**2 instead of the standard deviation
"""A realistic learner mistake for nyu-dlsp20-en-028 (equation.tex)."""
import numpy as np


def scale_shift(x, mu, sigma, a, b):
    x_hat = (x - mu) / sigma ** 2
    return a * x_hat + b
