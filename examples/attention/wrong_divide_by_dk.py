# eq2code-example: verdict=fail findings=wrong-scale
# eq2code-example: note=Divides by d_k instead of sqrt(d_k).
import numpy as np


def attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = Q @ K.T / d_k
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V
