# eq2code-example: verdict=pass
# eq2code-example: note=Takes d_k as a parameter by name, as the lecture code does.
import numpy as np


def attention(Q, K, V, d_k):
    scores = np.dot(Q, K.T) / np.sqrt(d_k)
    exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
    weights = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return np.dot(weights, V)
