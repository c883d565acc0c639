# eq2code-localize: rule=l2-norm line=8
# eq2code-localize: mistake=square root of each entry before summing
#
import numpy as np


def norm(x):
    r = np.sqrt(x ** 2)
    return np.sum(r)
