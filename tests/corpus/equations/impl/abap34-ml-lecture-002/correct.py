"""Correct NumPy implementation of abap34-ml-lecture-002 (equation.tex)."""
import numpy as np


def mean_squared_error(y_pred, y):
    return np.mean((y - y_pred) ** 2)
