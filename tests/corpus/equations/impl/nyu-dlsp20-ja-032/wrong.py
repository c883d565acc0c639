# mistake: l2-instead-of-l1: decays by lambda*theta instead of lambda*sign(theta)
"""A realistic learner mistake for nyu-dlsp20-ja-032 (equation.tex)."""
import numpy as np


def l1_update(theta, eta, lam, grad):
    return theta - eta * grad - eta * lam * theta
