"""Correct NumPy implementation of dataflowr-notebooks-015 (equation.tex): one DDPM sampling step
given the network's noise prediction."""
import numpy as np


def ddpm_step(x_t, eps_pred, alpha_t, alpha_bar_t, beta_t, eps):
    mean = (x_t - (1.0 - alpha_t) / np.sqrt(1.0 - alpha_bar_t) * eps_pred) / np.sqrt(alpha_t)
    return mean + np.sqrt(beta_t) * eps
