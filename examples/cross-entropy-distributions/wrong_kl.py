# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Computes D_KL(p||q) = sum p log(p/q), which is H(p, q) - H(p), not H(p, q).
import numpy as np


def cross_entropy(p, q):
    return np.sum(p * np.log(p / q))
