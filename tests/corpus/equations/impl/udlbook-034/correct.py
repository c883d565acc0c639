"""Correct NumPy implementation of udlbook-034 (equation.tex)."""
import numpy as np


def bias_correction(m, v, t, beta=0.9, gamma=0.999):
    m_hat = m / (1 - beta ** (t + 1))
    v_hat = v / (1 - gamma ** (t + 1))
    return m_hat, v_hat
