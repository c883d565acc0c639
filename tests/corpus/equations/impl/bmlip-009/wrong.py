# mistake: delta-replaced-by-one: phi_k (1 - phi_j) for every k, j
"""A realistic learner mistake for bmlip-009 (equation.tex)."""
import numpy as np


def softmax_jacobian(a):
    e = np.exp(a - a.max())
    phi = e / e.sum()
    return phi[:, None] * (1.0 - phi[None, :])
