"""Correct NumPy implementation of t81-558-019 (equation.tex)."""
import numpy as np


def update_second_moment(v, grad, beta2):
    return beta2 * v + (1 - beta2) * grad ** 2
