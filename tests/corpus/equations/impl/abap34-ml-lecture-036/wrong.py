# mistake: uses-old-velocity: moves by v_n instead of the updated v_{n+1}
"""A realistic learner mistake for abap34-ml-lecture-036 (equation.tex)."""
import numpy as np


def momentum_step(x_n, v_n, alpha, eta, grad):
    v_next = alpha * v_n - eta * grad
    return x_n + v_n
