# mistake: operator precedence: p_wc / p_w * p_c multiplies by P(c) instead of dividing
"""A realistic learner mistake for dataflowr-notebooks-029 (equation.tex)."""
import numpy as np


def pmi(p_wc, p_w, p_c):
    return np.log(p_wc / p_w * p_c)
