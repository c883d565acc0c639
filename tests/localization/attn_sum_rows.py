# eq2code-localize: rule=attention line=11
# eq2code-localize: mistake=normalizes over all entries instead of each row
#
import numpy as np


def attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = Q @ K.T / np.sqrt(d_k)
    e = np.exp(scores)
    w = e / np.sum(e)
    return w @ V
