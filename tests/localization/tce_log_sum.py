# eq2code-localize: rule=token-cross-entropy line=9
# eq2code-localize: mistake=sums the whole rows instead of picking the tokens
#
import numpy as np


def token_cross_entropy(P, x):
    T = len(x)
    picked = P.sum(axis=1)
    return -np.sum(np.log(picked)) / T
