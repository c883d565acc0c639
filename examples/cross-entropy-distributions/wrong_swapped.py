# eq2code-example: verdict=fail findings=swapped-arguments
# eq2code-example: note=Weights by q and takes the log of p: H(q, p) instead of H(p, q).
import numpy as np


def cross_entropy(p, q):
    return -np.sum(q * np.log(p))
