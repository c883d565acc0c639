"""Correct NumPy implementation of bmlip-005 (equation.tex)."""
import numpy as np


def theta_update(theta, rho, y, mu, x):
    return theta + rho * x.T @ (y - mu)
