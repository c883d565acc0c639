"""Correct NumPy implementation of fumishiki-zenn-004 (equation.tex)."""
import numpy as np


def update(W, dW, lr):
    W -= lr * dW
    return W
