# eq2code-example: verdict=fail
# eq2code-example: note=Forgets the leading minus: returns the mean log-likelihood, a negative number.
import numpy as np


def binary_cross_entropy(y, y_hat):
    return np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
