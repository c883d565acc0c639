"""Correct NumPy implementation of dataflowr-notebooks-029 (equation.tex)."""
import numpy as np


def pmi(p_wc, p_w, p_c):
    return np.log(p_wc) - np.log(p_w) - np.log(p_c)
