# mistake: the mean of the exponentials instead of their sum inside the log
"""A realistic learner mistake for nyu-dlsp20-en-032 (equation.tex)."""
import numpy as np


def cross_entropy(logits, target):
    return -logits[target] + np.log(np.mean(np.exp(logits)))
