# mistake: missing-sqrt: divides by h instead of sqrt(h)
"""A realistic learner mistake for abap34-ml-lecture-012 (equation.tex)."""
import numpy as np


def adagrad_step(x_n, eta, h_next, grad):
    return x_n - eta / h_next * grad
