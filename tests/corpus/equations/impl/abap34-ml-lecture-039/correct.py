"""Correct NumPy implementation of abap34-ml-lecture-039 (equation.tex)."""
import numpy as np


def standardize(x, mu, sigma):
    return (x - mu) / sigma
