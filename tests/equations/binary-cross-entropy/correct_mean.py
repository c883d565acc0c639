# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised with np.mean over the samples.
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
