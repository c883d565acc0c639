# mistake: operator precedence: v / 1 - beta2**t instead of v / (1 - beta2**t)
"""A realistic learner mistake for t81-558-021 (equation.tex)."""
import numpy as np


def bias_corrected_v(v, beta2, step):
    return v / 1 - beta2 ** step
