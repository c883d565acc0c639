# mistake: missing-sigmoid: the logits are used as probabilities (no sig[·])
"""A realistic learner mistake for udlbook-012 (equation.tex)."""
import numpy as np


def binary_cross_entropy(y, logits):
    p = np.clip(logits, 1e-6, 1 - 1e-6)
    return np.sum(-(1.0 - y) * np.log(1.0 - p) - y * np.log(p))
