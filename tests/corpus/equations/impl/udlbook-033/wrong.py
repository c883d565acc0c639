# mistake: the second moment squares the new first moment instead of the gradient
"""A realistic learner mistake for udlbook-033 (equation.tex)."""
import numpy as np


def adam_moments(m, v, grad, beta=0.9, gamma=0.999):
    m = beta * m + (1 - beta) * grad
    v = gamma * v + (1 - gamma) * m ** 2
    return m, v
