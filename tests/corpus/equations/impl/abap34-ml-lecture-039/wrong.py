# mistake: divides-by-variance: (x - mu) / sigma**2
"""A realistic learner mistake for abap34-ml-lecture-039 (equation.tex)."""
import numpy as np


def standardize(x, mu, sigma):
    return (x - mu) / sigma ** 2
