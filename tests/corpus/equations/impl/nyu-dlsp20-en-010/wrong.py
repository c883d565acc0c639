# mistake: uses-old-momentum: steps with p_k instead of p_{k+1}
"""A realistic learner mistake for nyu-dlsp20-en-010 (equation.tex)."""
import numpy as np


def sgd_momentum(w_k, p_k, beta_k, gamma_k, grad):
    return w_k - gamma_k * p_k
