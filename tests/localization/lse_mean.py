# eq2code-localize: rule=logsumexp line=8
# eq2code-localize: mistake=averages the exponentials
#
import numpy as np


def lse(z):
    s = np.mean(np.exp(z))
    return np.log(s)
