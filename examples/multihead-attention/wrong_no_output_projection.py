# eq2code-example: verdict=fail findings=missing-value-product
# eq2code-example: note=Returns the concatenated heads and forgets the output projection W^O.
import numpy as np


def multihead_attention(Q, K, V, W_Q, W_K, W_V, W_O):
    heads = []
    for i in range(W_Q.shape[0]):
        q, k, v = Q @ W_Q[i], K @ W_K[i], V @ W_V[i]
        w = np.exp(q @ k.T / np.sqrt(k.shape[-1]))
        heads.append(w / w.sum(axis=-1, keepdims=True) @ v)
    return np.concatenate(heads, axis=-1)
