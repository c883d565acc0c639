# eq2code-example: verdict=pass findings=log-of-zero
# eq2code-example: note=The right side of block 60, H(p, q) - H(p), with helpers; right, but nan for an exact zero in p (a warning).
import numpy as np


def _entropy(p):
    return -np.sum(p * np.log(p))


def _cross_entropy(p, q):
    return -np.sum(p * np.log(q))


def kl_divergence(p, q):
    return _cross_entropy(p, q) - _entropy(p)
