# eq2code-localize: rule=cross-entropy line=8
# eq2code-localize: mistake=log of the label plus the prediction
#
import numpy as np


def cross_entropy(y, y_hat):
    lp = np.log(y_hat + y)
    return -np.sum(y * lp)
