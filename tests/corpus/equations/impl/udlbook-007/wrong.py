# mistake: sign-error: (phi_1 + 12.5)^2
"""A realistic learner mistake for udlbook-007 (equation.tex)."""
import numpy as np


def regularized_loss(L, phi, lam):
    return L + lam * (phi[0] ** 2 + (phi[1] + 12.5) ** 2)
