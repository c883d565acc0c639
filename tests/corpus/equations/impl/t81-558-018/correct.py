"""Correct NumPy implementation of t81-558-018 (equation.tex)."""
import numpy as np


def update_first_moment(m, grad, beta1):
    return beta1 * m + (1 - beta1) * grad
