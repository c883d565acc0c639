# mistake: sum-vs-mean: the mean squared error instead of the sum
"""A realistic learner mistake for abap34-ml-lecture-024 (equation.tex)."""
import numpy as np


def squared_error(y, y_pred):
    return np.mean((y - y_pred) ** 2)
