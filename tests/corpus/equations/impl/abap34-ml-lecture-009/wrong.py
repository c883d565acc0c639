# mistake: sign error: steps up the gradient (x += lr * grad)
"""A realistic learner mistake for abap34-ml-lecture-009 (equation.tex)."""
import numpy as np


def gradient_step(x, grad, lr=0.01):
    x = x.copy()
    x += lr * grad
    return x
