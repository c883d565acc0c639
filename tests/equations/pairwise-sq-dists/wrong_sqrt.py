# eq2code-example: verdict=fail
# eq2code-example: note=Returns Euclidean distances (takes the square root) instead of squared distances.
import numpy as np


def pairwise_sq_dists(X, Y):
    diff = X[:, None, :] - Y[None, :, :]
    return np.sqrt(np.sum(diff ** 2, axis=-1))
