"""Correct NumPy implementation of rasbt-ml-book-007 (equation.tex)."""
import numpy as np


def idf(n_docs, df):
    return np.log((1 + n_docs) / (1 + df))
