# mistake: missing-regularizer: ordinary least squares without lambda*I
"""A realistic learner mistake for uvadlc-notebooks-005 (equation.tex)."""
import numpy as np


def readout(H, X, lam):
    return np.linalg.solve(H.T @ H, H.T @ X)
