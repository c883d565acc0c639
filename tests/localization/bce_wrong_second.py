# eq2code-localize: equation=binary-cross-entropy line=9
# eq2code-localize: mistake=second term uses log(y_hat) instead of log(1 - y_hat)
#
import numpy as np


def binary_cross_entropy(y, y_hat):
    a = y * np.log(y_hat)
    b = (1 - y) * np.log(y_hat)
    return -np.mean(a + b)
