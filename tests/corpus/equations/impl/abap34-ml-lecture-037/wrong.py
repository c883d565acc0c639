# mistake: old velocity: x moves by v_n, updated before v_{n+1} is computed
"""A realistic learner mistake for abap34-ml-lecture-037 (equation.tex)."""
import numpy as np


def momentum_update(x, v, grad, lr=0.01, momentum=0.9):
    x = x + v
    v = momentum * v - lr * grad
    return x, v
