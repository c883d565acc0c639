"""Correct NumPy implementation of fumishiki-zenn-042 (equation.tex)."""
import numpy as np


def layer_norm(x, mu, sigma2, epsilon):
    return (x - mu) / np.sqrt(sigma2 + epsilon)
