# eq2code-localize: equation=mse line=8
# eq2code-localize: mistake=absolute instead of squared error
#
import numpy as np


def mse(y, y_hat):
    d = np.abs(y - y_hat)
    return np.mean(d)
