"""Correct NumPy implementation of dataflowr-notebooks-005 (equation.tex): the contrastive loss of
two embeddings."""
import numpy as np


def contrastive_loss(emb0, emb1, y, m):
    distance = np.sqrt(np.sum((emb0 - emb1) ** 2))
    return 0.5 * y * distance ** 2 + 0.5 * (1 - y) * np.maximum(0.0, m - distance) ** 2
