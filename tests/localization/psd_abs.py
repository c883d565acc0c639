# eq2code-localize: equation=pairwise-sq-dists line=9
# eq2code-localize: mistake=sums absolute differences
#
import numpy as np


def pairwise_sq_dists(X, Y):
    diff = X[:, None, :] - Y[None, :, :]
    return np.sum(np.abs(diff), axis=-1)
