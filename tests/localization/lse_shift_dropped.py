# eq2code-localize: rule=logsumexp line=9
# eq2code-localize: mistake=subtracts the max but never adds it back
#
import numpy as np


def lse(z):
    m = np.max(z)
    return np.log(np.sum(np.exp(z - m)))
