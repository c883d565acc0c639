# mistake: swapped-coefficients: lambda on the gradient and eta on the velocity
"""A realistic learner mistake for t81-558-017 (equation.tex)."""
import numpy as np


def momentum_velocity(grad, v_prev, eta, lam):
    return lam * grad + eta * v_prev
