# mistake: decay-after-step: (1 - lambda) applied to the already-updated parameters
"""A realistic learner mistake for udlbook-021 (equation.tex)."""
import numpy as np


def decay_update(phi, lam, alpha, grad):
    return (1.0 - lam) * (phi - alpha * grad)
