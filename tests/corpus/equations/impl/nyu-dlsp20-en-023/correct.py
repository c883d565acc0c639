"""Correct NumPy implementation of nyu-dlsp20-en-023 (equation.tex)."""
import numpy as np


def weight_decay_update(theta, eta, lam, grad):
    return theta - eta * grad - eta * lam * theta
