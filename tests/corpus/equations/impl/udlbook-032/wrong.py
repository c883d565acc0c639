# mistake: the negative side becomes the constant alpha instead of alpha * z
"""A realistic learner mistake for udlbook-032 (equation.tex)."""
import numpy as np


def leaky_relu(z, alpha=0.01):
    return np.where(z >= 0, z, alpha)
