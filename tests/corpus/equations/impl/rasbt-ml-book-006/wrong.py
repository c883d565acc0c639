# mistake: matrix product instead of the entrywise product (sums over the terms)
"""A realistic learner mistake for rasbt-ml-book-006 (equation.tex)."""
import numpy as np


def tfidf(tf, idf):
    return np.dot(tf, idf)
