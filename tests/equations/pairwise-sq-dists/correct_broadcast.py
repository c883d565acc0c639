# eq2code-example: verdict=pass
# eq2code-example: note=Broadcasts X against Y to an (n, m, d) array of differences and sums the squares over the last axis.
import numpy as np


def pairwise_sq_dists(X, Y):
    diff = X[:, None, :] - Y[None, :, :]
    return np.sum(diff ** 2, axis=-1)
