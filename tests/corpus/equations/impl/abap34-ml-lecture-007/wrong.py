# mistake: divides by the number of points instead of the sum of the weights
"""A realistic learner mistake for abap34-ml-lecture-007 (equation.tex)."""
import numpy as np


def weighted_loss(pred, target, weights):
    return np.sum(np.abs(pred - target) ** 2 * weights) / len(weights)
