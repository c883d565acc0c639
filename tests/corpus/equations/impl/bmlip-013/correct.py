"""Correct NumPy implementation of bmlip-013 (equation.tex)."""
import numpy as np


def normalization_constant(x, means, cov, priors):
    prec = np.linalg.inv(cov)
    betas = means @ prec
    gammas = -0.5 * np.sum(betas * means, axis=1) + np.log(priors)
    return np.sum(np.exp(betas @ x + gammas))
