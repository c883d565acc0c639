# eq2code-example: verdict=pass
# eq2code-example: note=One head at a time (block 69), heads concatenated on the feature axis, then W^O (block 68).
import numpy as np


def _attention(Q, K, V):
    scores = Q @ K.T / np.sqrt(K.shape[-1])
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V


def multihead_attention(Q, K, V, W_Q, W_K, W_V, W_O):
    heads = []
    for i in range(W_Q.shape[0]):
        heads.append(_attention(Q @ W_Q[i], K @ W_K[i], V @ W_V[i]))
    return np.concatenate(heads, axis=-1) @ W_O
