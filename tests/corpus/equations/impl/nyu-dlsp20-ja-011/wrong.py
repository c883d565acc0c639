# mistake: uses-new-momentum: divides m_{t+1} instead of the m_t the equation uses
"""A realistic learner mistake for nyu-dlsp20-ja-011 (equation.tex)."""
import numpy as np


def update(w_t, m_t, v_t, grad, alpha, beta, gamma, epsilon):
    m_next = beta * m_t + (1 - beta) * grad
    v_next = alpha * v_t + (1 - alpha) * grad ** 2
    return w_t - gamma * m_next / (np.sqrt(v_next) + epsilon)
