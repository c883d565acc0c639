"""Correct NumPy implementation of abap34-ml-lecture-013 (equation.tex)."""
import numpy as np


def gradient_step(x_n, eta, grad):
    return x_n - eta * grad
