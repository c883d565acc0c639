"""Correct NumPy implementation of udlbook-035 (equation.tex)."""
import numpy as np


def adam_update(params, m_hat, v_hat, lr=0.001, eps=1e-8):
    params -= lr * m_hat / (np.sqrt(v_hat) + eps)
