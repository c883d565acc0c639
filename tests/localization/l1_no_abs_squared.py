# eq2code-localize: rule=l1-norm line=8
# eq2code-localize: mistake=squares instead of absolute value
#
import numpy as np


def l1_norm(x):
    a = x ** 2
    return np.sum(a)
