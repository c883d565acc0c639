# eq2code-example: verdict=fail findings=wrong-log-base
# eq2code-example: note=Uses log2 (bits) instead of the natural log.
import numpy as np


def kl_divergence(p, q):
    return np.sum(p * np.log2(p / q))
