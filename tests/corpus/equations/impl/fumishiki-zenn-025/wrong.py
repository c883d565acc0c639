# mistake: drops the 1/tau of the chain rule
"""A realistic learner mistake for fumishiki-zenn-025 (equation.tex)."""
import numpy as np


def grad_positive_logit(s_pos, tau, Z):
    p_pos = np.exp(s_pos / tau) / Z
    return -(1.0 - p_pos)
