# mistake: the norm of the entrywise product for the product of the norms
"""A realistic learner mistake for uvadlc-notebooks-047 (equation.tex)."""
import numpy as np


def cosine_similarity(a, b):
    return np.dot(a, b) / np.linalg.norm(a * b)
