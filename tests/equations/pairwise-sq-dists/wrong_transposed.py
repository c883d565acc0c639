# eq2code-example: verdict=fail
# eq2code-example: note=Broadcasts the wrong way round and returns the (m, n) matrix D^T.
import numpy as np


def pairwise_sq_dists(X, Y):
    diff = Y[:, None, :] - X[None, :, :]
    return np.sum(diff ** 2, axis=-1)
