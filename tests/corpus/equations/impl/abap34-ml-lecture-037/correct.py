"""Correct NumPy implementation of abap34-ml-lecture-037 (equation.tex)."""
import numpy as np


def momentum_update(x, v, grad, lr=0.01, momentum=0.9):
    v = momentum * v - lr * grad
    x = x + v
    return x, v
