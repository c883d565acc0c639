"""Correct NumPy implementation of abap34-ml-lecture-012 (equation.tex)."""
import numpy as np


def adagrad_step(x_n, eta, h_next, grad):
    return x_n - eta / np.sqrt(h_next) * grad
