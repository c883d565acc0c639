"""Correct NumPy implementation of udlbook-012 (equation.tex): binary cross-entropy on logits."""
import numpy as np


def binary_cross_entropy(y, logits):
    p = 1.0 / (1.0 + np.exp(-logits))
    return np.sum(-(1.0 - y) * np.log(1.0 - p) - y * np.log(p))
