# eq2code-example: verdict=fail findings=exception
# eq2code-example: note=Adds the heads together instead of concatenating them, so the result no longer fits W^O.
import numpy as np


def multihead_attention(Q, K, V, W_Q, W_K, W_V, W_O):
    total = 0.0
    for i in range(W_Q.shape[0]):
        q, k, v = Q @ W_Q[i], K @ W_K[i], V @ W_V[i]
        w = np.exp(q @ k.T / np.sqrt(k.shape[-1]))
        total = total + w / w.sum(axis=-1, keepdims=True) @ v
    return total @ W_O
