# mistake: derivative-of-input: sigma(xi) * (1 - xi)
"""A realistic learner mistake for bmlip-001 (equation.tex)."""
import numpy as np


def sigmoid_derivative(xi):
    s = 1.0 / (1.0 + np.exp(-xi))
    return s * (1.0 - xi)
