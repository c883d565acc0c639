# mistake: log10 instead of the natural log
"""A realistic learner mistake for uvadlc-notebooks-043 (equation.tex)."""
import numpy as np


def bce(preds, labels):
    total = 0.0
    for p, t in zip(preds, labels):
        total += t * np.log10(p) + (1 - t) * np.log10(1 - p)
    return total
