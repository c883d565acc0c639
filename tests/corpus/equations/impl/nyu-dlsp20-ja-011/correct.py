"""Correct NumPy implementation of nyu-dlsp20-ja-011 (equation.tex)."""
import numpy as np


def update(w_t, m_t, v_t, grad, alpha, beta, gamma, epsilon):
    v_next = alpha * v_t + (1 - alpha) * grad ** 2
    return w_t - gamma * m_t / (np.sqrt(v_next) + epsilon)
