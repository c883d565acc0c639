# mistake: the raw scores weight the values (the softmax is forgotten)
"""A realistic learner mistake for nyu-dlsp20-en-039 (equation.tex)."""
import numpy as np


def attend(x, K, V):
    scores = K @ x
    return scores @ V
