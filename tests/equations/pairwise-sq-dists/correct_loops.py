# eq2code-example: verdict=pass
# eq2code-example: note=Triple loop, index for index as in the equation.
import numpy as np


def pairwise_sq_dists(X, Y):
    n, d = X.shape
    m = Y.shape[0]
    D = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            for k in range(d):
                D[i, j] += (X[i, k] - Y[j, k]) ** 2
    return D
