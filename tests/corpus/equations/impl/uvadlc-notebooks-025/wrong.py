# mistake: the max shift is subtracted in the numerator only (half of the stability trick)
"""A realistic learner mistake for uvadlc-notebooks-025 (equation.tex)."""
import numpy as np


def softmax(logits):
    w = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return w / np.exp(logits).sum(axis=-1, keepdims=True)
