# eq2code-localize: rule=attention line=12
# eq2code-localize: mistake=adds V's mean instead of multiplying by V
#
import numpy as np


def attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = Q @ K.T / np.sqrt(d_k)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V + V.mean()
