# eq2code-localize: equation=mse line=9
# eq2code-localize: mistake=squares the sum of differences
#
import numpy as np


def mse(y, y_hat):
    s = np.sum(y - y_hat)
    return s ** 2 / len(y)
