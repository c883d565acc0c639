# mistake: the learning rate divides the gradient instead of multiplying it
"""A realistic learner mistake for udlbook-020 (equation.tex)."""
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= grads[key] / self.lr


def sgd_step(phi, grad, alpha):
    params = {"phi": phi.copy()}
    SGD(lr=alpha).update(params, {"phi": grad})
    return params["phi"]
