# eq2code-localize: rule=logsumexp line=9
# eq2code-localize: mistake=forgets the log of the sum
#
import numpy as np


def lse(z):
    m = np.max(z)
    s = np.sum(np.exp(z - m))
    return m + s
