# mistake: wrong axis: normalised over the batch (axis 0) instead of the last axis
"""A realistic learner mistake for uvadlc-notebooks-025 (equation.tex)."""
import numpy as np


def softmax(logits):
    w = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return w / w.sum(axis=0, keepdims=True)
