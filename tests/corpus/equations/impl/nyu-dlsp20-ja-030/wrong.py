# mistake: adds the step (gradient ascent)
"""A realistic learner mistake for nyu-dlsp20-ja-030 (equation.tex)."""
import numpy as np


def sgd(params, grads, lr=0.01):
    params += lr * grads
