"""Correct NumPy implementation of udlbook-021 (equation.tex)."""
import numpy as np


def decay_update(phi, lam, alpha, grad):
    return (1.0 - lam) * phi - alpha * grad
