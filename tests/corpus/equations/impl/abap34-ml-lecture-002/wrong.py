# mistake: the textbook's sum-of-squares error 0.5 * sum instead of the mean (1/n)
"""A realistic learner mistake for abap34-ml-lecture-002 (equation.tex)."""
import numpy as np


def mean_squared_error(y_pred, y):
    return 0.5 * np.sum((y_pred - y) ** 2)
