"""Correct NumPy implementation of nyu-dlsp20-en-010 (equation.tex)."""
import numpy as np


def sgd_momentum(w_k, p_k, beta_k, gamma_k, grad):
    p_next = beta_k * p_k + grad
    return w_k - gamma_k * p_next
