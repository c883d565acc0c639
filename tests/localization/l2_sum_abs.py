# eq2code-localize: rule=l2-norm line=8
# eq2code-localize: mistake=sums absolute values under the root
#
import numpy as np


def norm(x):
    s = np.sum(np.abs(x))
    return np.sqrt(s)
