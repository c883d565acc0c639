# mistake: tanh-instead-of-sigmoid: uses tanh as the activation
"""A realistic learner mistake for fumishiki-zenn-001 (equation.tex)."""
import numpy as np


def f_theta(W, x, b):
    return np.tanh(W @ x + b)
