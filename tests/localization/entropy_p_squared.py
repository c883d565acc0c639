# eq2code-localize: rule=entropy line=8
# eq2code-localize: mistake=weights by p squared
#
import numpy as np


def shannon_entropy(p):
    w = p * p
    return -np.sum(w * np.log(p))
