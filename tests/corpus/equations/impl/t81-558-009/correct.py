"""Correct NumPy implementation of t81-558-009 (equation.tex)."""
import numpy as np


def tanh(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
