"""Correct NumPy implementation of nyu-dlsp20-en-030 (equation.tex)."""
import numpy as np


def log_sigmoid(x):
    # log(1 / (1 + exp(-x))) = -log(1 + exp(-x)), computed without overflow
    return -np.logaddexp(0, -x)
