# mistake: missing-transpose: uses S^T (aggregates along the wrong direction)
"""A realistic learner mistake for dataflowr-notebooks-030 (equation.tex)."""
import numpy as np


def gcn_layer(S, h, W):
    return S.T @ h @ W
