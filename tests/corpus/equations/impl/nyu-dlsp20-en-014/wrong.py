# mistake: one-sided: the x < -lambda branch is forgotten
"""A realistic learner mistake for nyu-dlsp20-en-014 (equation.tex)."""
import numpy as np


def hard_shrink(x, lambd):
    return np.where(x > lambd, x, 0.0)
