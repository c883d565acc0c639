# eq2code-localize: rule=entropy line=8
# eq2code-localize: mistake=log of 1 - p
#
import numpy as np


def shannon_entropy(p):
    lp = np.log(1.0 - p)
    return -np.sum(p * lp)
