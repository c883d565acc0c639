# mistake: missing-sqrt: divides by 1 - alpha_bar_t instead of its square root
"""A realistic learner mistake for dataflowr-notebooks-015 (equation.tex)."""
import numpy as np


def ddpm_step(x_t, eps_pred, alpha_t, alpha_bar_t, beta_t, eps):
    mean = (x_t - (1.0 - alpha_t) / (1.0 - alpha_bar_t) * eps_pred) / np.sqrt(alpha_t)
    return mean + np.sqrt(beta_t) * eps
