# eq2code-example: verdict=fail findings=missing-value-product
# eq2code-example: note=Returns the attention weights and forgets the final product with V.
import numpy as np


def attention(Q, K, V):
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True)
