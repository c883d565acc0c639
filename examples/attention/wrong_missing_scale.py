# eq2code-example: verdict=fail findings=missing-scale
# eq2code-example: note=Forgets the 1/sqrt(d_k) scale.
import numpy as np


def attention(Q, K, V):
    scores = Q @ K.T
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V
