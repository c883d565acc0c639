# eq2code-localize: rule=kl-divergence line=9
# eq2code-localize: mistake=weights the log ratio by q
#
import numpy as np


def kl_divergence(p, q):
    ratio = np.log(p / q)
    return np.sum((p + q) * ratio)
