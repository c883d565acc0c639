# mistake: missing-exp-in-denominator: divides exp(u_c.v) by the plain sum of scores
"""A realistic learner mistake for dataflowr-notebooks-024 (equation.tex)."""
import numpy as np


def context_probability(U, v_o, c):
    s = U @ v_o
    return np.exp(s[c]) / np.sum(s)
