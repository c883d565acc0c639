"""Correct NumPy implementation of dataflowr-notebooks-019 (equation.tex)."""
import numpy as np


def sequence_loss(y_hat, y):
    loss = 0.0
    for t in range(len(y)):
        loss_t = (y_hat[t] - y[t]) ** 2
        loss += loss_t
    return loss
