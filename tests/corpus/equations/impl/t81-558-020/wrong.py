# mistake: power-on-wrong-term: (1 - beta_1)^t instead of 1 - beta_1^t
"""A realistic learner mistake for t81-558-020 (equation.tex)."""
import numpy as np


def bias_corrected_m(m_t, beta_1, t):
    return m_t / (1.0 - beta_1) ** t
