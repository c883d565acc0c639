# mistake: the powers use t instead of t + 1
"""A realistic learner mistake for udlbook-034 (equation.tex)."""
import numpy as np


def bias_correction(m, v, t, beta=0.9, gamma=0.999):
    m_hat = m / (1 - beta ** t)
    v_hat = v / (1 - gamma ** t)
    return m_hat, v_hat
