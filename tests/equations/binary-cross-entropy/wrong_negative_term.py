# eq2code-example: verdict=fail
# eq2code-example: note=The negative-class term uses log(y_hat) instead of log(1 - y_hat).
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(y_hat))
