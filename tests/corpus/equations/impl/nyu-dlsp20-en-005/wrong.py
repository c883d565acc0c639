# mistake: the shift is subtracted inside the numerator only, the denominator sums exp(a) without it
"""A realistic learner mistake for nyu-dlsp20-en-005 (equation.tex)."""
import numpy as np


def softmax(a):
    c = np.max(a, axis=-1, keepdims=True)
    exp_a = np.exp(a - c)
    sum_exp_a = np.sum(np.exp(a), axis=-1, keepdims=True)
    return exp_a / sum_exp_a
