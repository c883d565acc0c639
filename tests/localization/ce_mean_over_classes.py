# eq2code-localize: rule=cross-entropy line=8
# eq2code-localize: mistake=sums over log(1 - y_hat) too
#
import numpy as np


def cross_entropy(y, y_hat):
    terms = y * np.log(y_hat) + y * np.log(1.0 - y_hat)
    return -np.sum(terms)
