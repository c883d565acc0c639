# mistake: margin-on-squared-distance: the hinge compares the margin with the squared distance
"""A realistic learner mistake for dataflowr-notebooks-005 (equation.tex)."""
import numpy as np


def contrastive_loss(emb0, emb1, y, m):
    squared = np.sum((emb0 - emb1) ** 2)
    return 0.5 * y * squared + 0.5 * (1 - y) * np.maximum(0.0, m - squared) ** 2
