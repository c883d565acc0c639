"""Correct NumPy implementation of udlbook-020 (equation.tex)."""
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


def sgd_step(phi, grad, alpha):
    params = {"phi": phi.copy()}
    SGD(lr=alpha).update(params, {"phi": grad})
    return params["phi"]
