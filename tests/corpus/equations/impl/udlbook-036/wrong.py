# mistake: the decay is scaled by the learning rate as well (lr * wd instead of wd)
"""A realistic learner mistake for udlbook-036 (equation.tex)."""
import numpy as np


def sgd_step(params, grads, lr, wd):
    return (1 - lr * wd) * params - lr * grads
