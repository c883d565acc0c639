"""Correct NumPy implementation of rasbt-ml-book-006 (equation.tex)."""
import numpy as np


def tfidf(tf, idf):
    return tf * idf
