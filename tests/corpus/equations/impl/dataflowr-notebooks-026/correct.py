"""Correct NumPy implementation of dataflowr-notebooks-026 (equation.tex)."""
import numpy as np


def positive_probability(u_o, v_c):
    return 1.0 / (1.0 + np.exp(-(u_o @ v_c)))
