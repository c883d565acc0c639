# mistake: textbook-adam: drops the notes' extra factor m_hat (implements the usual Adam step)
"""A realistic learner mistake for t81-558-022 (equation.tex)."""
import numpy as np


def adam_step(theta_prev, m_hat, v_hat, alpha, eta):
    return theta_prev - alpha * m_hat / (np.sqrt(v_hat) + eta)
