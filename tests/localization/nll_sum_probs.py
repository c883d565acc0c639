# eq2code-localize: rule=negative-log-likelihood line=8
# eq2code-localize: mistake=log of the sum instead of the sum of logs
#
import numpy as np


def nll(p):
    s = np.sum(p)
    return -np.log(s)
