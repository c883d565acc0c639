# mistake: shifts the scores by the max but takes the log-sum-exp of the unshifted scores
"""A realistic learner mistake for nyu-dlsp20-en-031 (equation.tex)."""
import numpy as np


def log_softmax(x):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))
