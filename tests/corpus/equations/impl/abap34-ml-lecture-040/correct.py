"""Correct NumPy implementation of abap34-ml-lecture-040 (equation.tex)."""
import numpy as np


def binary_cross_entropy(y_true, y_pred):
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))
