# mistake: the mask keeps the negative side
"""A realistic learner mistake for udlbook-031 (equation.tex)."""
import numpy as np


def relu(z):
    return z * (z < 0)
