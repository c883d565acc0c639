"""Correct NumPy implementation of nyu-dlsp20-ja-032 (equation.tex)."""
import numpy as np


def l1_update(theta, eta, lam, grad):
    return theta - eta * grad - eta * lam * np.sign(theta)
