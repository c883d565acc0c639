# eq2code-example: verdict=fail findings=wrong-reduction-axis
# eq2code-example: note=Normalises the attention weights over the queries (axis=0) instead of the keys.
import numpy as np


def attention(Q, K, V):
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    w = np.exp(scores - scores.max(axis=0, keepdims=True))
    w = w / w.sum(axis=0, keepdims=True)
    return w @ V
