# mistake: drops the +1 smoothing: log(n_d / df)
"""A realistic learner mistake for rasbt-ml-book-007 (equation.tex)."""
import numpy as np


def idf(n_docs, df):
    return np.log(n_docs / df)
