"""Correct NumPy implementation of abap34-ml-lecture-036 (equation.tex)."""
import numpy as np


def momentum_step(x_n, v_n, alpha, eta, grad):
    v_next = alpha * v_n - eta * grad
    return x_n + v_next
