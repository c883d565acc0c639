# mistake: typo grad * 2 for grad ** 2 in the second moment
"""A realistic learner mistake for udlbook-016 (equation.tex)."""
import numpy as np


def init_moments(grad):
    m = grad.copy()
    v = grad * 2
    return m, v
