# mistake: sign-error: steps up the gradient (x + eta * grad)
"""A realistic learner mistake for abap34-ml-lecture-013 (equation.tex)."""
import numpy as np


def gradient_step(x_n, eta, grad):
    return x_n + eta * grad
