# mistake: transposed gradient (dW.T; W is square here, so nothing crashes)
"""A realistic learner mistake for fumishiki-zenn-004 (equation.tex)."""
import numpy as np


def update(W, dW, lr):
    W -= lr * dW.T
    return W
