# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Forgets to weight the log-ratio by p(x).
import numpy as np


def kl_divergence(p, q):
    return np.sum(np.log(p / q))
