"""Correct NumPy implementation of bmlip-018 (equation.tex): a linear model on given basis-function
values."""
import numpy as np


def predict(w, phi):
    return float(np.dot(w, phi))
