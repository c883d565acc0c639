# eq2code-example: verdict=pass
# eq2code-example: note=einsum with leading batch axes (...), softmax over axis=-1.
import numpy as np


def scaled_dot_product_attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = np.einsum("...nd,...md->...nm", Q, K) / np.sqrt(d_k)
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    return np.einsum("...nm,...mv->...nv", w, V)
