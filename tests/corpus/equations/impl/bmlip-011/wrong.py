# mistake: standard deviation passed where the variance is expected (sigma instead of sigma^2)
"""A realistic learner mistake for bmlip-011 (equation.tex)."""
import numpy as np


def gauss_pdf(x, mu, var):
    return np.exp(-(x - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)


def lds_densities(z_t, z_prev, x_t, a, c, sigma_z, sigma_x):
    p_trans = gauss_pdf(z_t, a * z_prev, sigma_z)
    p_obs = gauss_pdf(x_t, c * z_t, sigma_x)
    return p_trans, p_obs
