"""Correct NumPy implementation of nyu-dlsp20-ja-030 (equation.tex)."""
import numpy as np


def sgd(params, grads, lr=0.01):
    params -= lr * grads
