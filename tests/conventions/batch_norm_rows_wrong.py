# eq2code-example: verdict=fail
# eq2code-example: check=batch_norm.tex
# eq2code-example: note=Statistics over each sample's features (axis=1, layer normalisation) instead of over the batch.
import numpy as np


def batch_norm(X, gamma, beta, eps=1e-5):
    mean = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    return gamma * (X - mean) / np.sqrt(var + eps) + beta
