# eq2code-localize: rule=kl-divergence line=8
# eq2code-localize: mistake=subtracts instead of dividing inside the log
#
import numpy as np


def kl_divergence(p, q):
    r = np.log(p - q + 1.0)
    return np.sum(p * r)
