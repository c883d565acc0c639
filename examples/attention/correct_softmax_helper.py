# eq2code-example: verdict=pass
# eq2code-example: note=A public softmax helper next to attention(); the alias picks attention.
import numpy as np


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention(query, key, value):
    d_k = key.shape[1]
    weights = softmax(query @ key.T / np.sqrt(d_k))
    return weights @ value
