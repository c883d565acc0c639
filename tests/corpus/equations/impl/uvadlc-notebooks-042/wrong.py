# mistake: precision-instead-of-accuracy: TP / (TP + FP)
"""A realistic learner mistake for uvadlc-notebooks-042 (equation.tex)."""
import numpy as np


def accuracy(TP, TN, FP, FN):
    return TP / (TP + FP)
