# eq2code-example: verdict=fail
# eq2code-example: note=Sums over the samples instead of averaging (missing 1/N).
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
