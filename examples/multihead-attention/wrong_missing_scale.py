# eq2code-example: verdict=fail findings=numeric-mismatch mistake=missing-scale
# eq2code-example: note=Each head forgets the 1/sqrt(d_k) scale.
import numpy as np


def multihead_attention(Q, K, V, W_Q, W_K, W_V, W_O):
    heads = []
    for i in range(W_Q.shape[0]):
        q, k, v = Q @ W_Q[i], K @ W_K[i], V @ W_V[i]
        s = q @ k.T
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        heads.append(w / w.sum(axis=-1, keepdims=True) @ v)
    return np.concatenate(heads, axis=-1) @ W_O
