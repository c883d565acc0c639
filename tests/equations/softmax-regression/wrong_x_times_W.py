# eq2code-example: verdict=fail
# eq2code-example: note=Writes x @ W (row-vector convention) with W of shape (K, d): only works when K == d, and then computes W^T x.
import numpy as np


def softmax_regression(W, x, b):
    z = x @ W + b
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
