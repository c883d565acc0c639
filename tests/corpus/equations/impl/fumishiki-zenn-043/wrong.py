# mistake: the distance between the means is not squared
"""A realistic learner mistake for fumishiki-zenn-043 (equation.tex)."""
import numpy as np


def fid(mu1, mu2, sigma1, sigma2):
    # matrix square root of sigma1 @ sigma2 through its eigendecomposition (no scipy)
    vals, vecs = np.linalg.eig(sigma1 @ sigma2)
    covmean = (vecs * np.sqrt(vals)) @ np.linalg.inv(vecs)
    diff = mu1 - mu2
    return float(np.real(np.linalg.norm(diff) + np.trace(sigma1 + sigma2 - 2 * covmean)))
