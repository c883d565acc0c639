"""Correct NumPy implementation of udlbook-007 (equation.tex)."""
import numpy as np


def regularized_loss(L, phi, lam):
    return L + lam * (phi[0] ** 2 + (phi[1] - 12.5) ** 2)
