# mistake: sign error in the exponent: 1 / (1 + exp(x))
"""A realistic learner mistake for dataflowr-notebooks-027 (equation.tex)."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(x))
