# eq2code-example: verdict=fail
# eq2code-example: note=Expands the square but forgets the factor 2 of the cross term.
import numpy as np


def pairwise_sq_dists(X, Y):
    xx = np.sum(X ** 2, axis=1)[:, None]
    yy = np.sum(Y ** 2, axis=1)[None, :]
    return xx + yy - X @ Y.T
