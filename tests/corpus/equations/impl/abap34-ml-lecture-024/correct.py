"""Correct NumPy implementation of abap34-ml-lecture-024 (equation.tex): the sum of squared errors
of the predictions."""
import numpy as np


def squared_error(y, y_pred):
    return np.sum((y - y_pred) ** 2)
