# eq2code-example: verdict=fail findings=exception mistake=missing-transpose
# eq2code-example: note=Multiplies Q by K without transposing K (shapes do not align when m != d_k).
import numpy as np


def attention(Q, K, V):
    scores = Q @ K / np.sqrt(Q.shape[-1])
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V
