# eq2code-localize: rule=l1-norm line=9
# eq2code-localize: mistake=takes the largest absolute value
#
import numpy as np


def l1_norm(x):
    a = np.abs(x)
    return np.max(a)
