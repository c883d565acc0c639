# mistake: wrong-reduction-axis: counts m_k over the wrong axis (sums each row)
"""A realistic learner mistake for bmlip-023 (equation.tex)."""
import numpy as np


def likelihood(x, mu):
    return np.prod(mu ** x.sum(axis=1)[: mu.shape[0]])
