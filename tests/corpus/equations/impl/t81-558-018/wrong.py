# mistake: beta1 and 1 - beta1 swapped
"""A realistic learner mistake for t81-558-018 (equation.tex)."""
import numpy as np


def update_first_moment(m, grad, beta1):
    return (1 - beta1) * m + beta1 * grad
