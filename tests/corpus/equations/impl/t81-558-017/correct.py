"""Correct NumPy implementation of t81-558-017 (equation.tex)."""
import numpy as np


def momentum_velocity(grad, v_prev, eta, lam):
    return eta * grad + lam * v_prev
