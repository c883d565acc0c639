# mistake: missing scale: the 1/2 in gamma_k is dropped
"""A realistic learner mistake for bmlip-013 (equation.tex)."""
import numpy as np


def normalization_constant(x, means, cov, priors):
    prec = np.linalg.inv(cov)
    betas = means @ prec
    gammas = -np.sum(betas * means, axis=1) + np.log(priors)
    return np.sum(np.exp(betas @ x + gammas))
