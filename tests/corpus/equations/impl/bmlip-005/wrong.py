# mistake: sign-error: (mu - y) instead of (y - mu)
"""A realistic learner mistake for bmlip-005 (equation.tex)."""
import numpy as np


def theta_update(theta, rho, y, mu, x):
    return theta + rho * x.T @ (mu - y)
