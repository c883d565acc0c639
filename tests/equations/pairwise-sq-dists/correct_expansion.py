# eq2code-example: verdict=pass
# eq2code-example: note=Expands |x - y|^2 = |x|^2 + |y|^2 - 2 x.y, batched over leading axes with swapaxes.
import numpy as np


def pairwise_sq_dists(X, Y):
    xx = np.sum(X ** 2, axis=-1)[..., :, None]
    yy = np.sum(Y ** 2, axis=-1)[..., None, :]
    return xx + yy - 2.0 * X @ np.swapaxes(Y, -1, -2)
