# mistake: missing-factor-2: noise scale sqrt(epsilon) instead of sqrt(2 epsilon)
"""A realistic learner mistake for dataflowr-notebooks-010 (equation.tex)."""
import numpy as np


def langevin_step(x_prev, epsilon, grad, z_t):
    return x_prev - epsilon * grad + np.sqrt(epsilon) * z_t
