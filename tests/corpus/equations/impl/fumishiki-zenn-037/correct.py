"""Correct NumPy implementation of fumishiki-zenn-037 (equation.tex)."""
import numpy as np


def fvd(mu_r, mu_g, Sigma_r, Sigma_g):
    ev = np.linalg.eigvals(Sigma_r @ Sigma_g)
    tr_sqrt = np.sum(np.sqrt(np.clip(ev.real, 0.0, None)))
    return np.sum((mu_r - mu_g) ** 2) + np.trace(Sigma_r) + np.trace(Sigma_g) - 2.0 * tr_sqrt
