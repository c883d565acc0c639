# eq2code-example: verdict=fail findings=missing-transpose mistake=missing-transpose
# eq2code-example: note=Writes Q.T @ K instead of Q @ K.T.
import numpy as np


def attention(Q, K, V):
    scores = Q.T @ K / np.sqrt(Q.shape[-1])
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V
