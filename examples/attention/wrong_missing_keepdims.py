# eq2code-example: verdict=fail findings=exception mistake=missing-keepdims
# eq2code-example: note=Sums the weights without keepdims=True: (n, m) / (n,) broadcasts against the wrong axis and fails when n != m.
import numpy as np


def attention(Q, K, V):
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    w = np.exp(scores)
    w = w / w.sum(axis=-1)
    return w @ V
