"""Correct NumPy implementation of udlbook-036 (equation.tex)."""
import numpy as np


def sgd_step(params, grads, lr, wd):
    return (1 - wd) * params - lr * grads
