# mistake: extra-scale: divides the scores by sqrt(D) (the scaled dot product of another formula)
"""A realistic learner mistake for udlbook-023 (equation.tex)."""
import numpy as np


def attention_weights(K, q):
    s = K @ q / np.sqrt(K.shape[1])
    e = np.exp(s - s.max())
    return e / e.sum()
