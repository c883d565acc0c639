# mistake: bias-outside-activation: adds b after the sigmoid
"""A realistic learner mistake for abap34-ml-lecture-026 (equation.tex)."""
import numpy as np


def layer(W, u, b):
    return 1.0 / (1.0 + np.exp(-(W @ u))) + b
