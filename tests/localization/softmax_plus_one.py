# eq2code-localize: rule=softmax line=9
# eq2code-localize: mistake=adds one to the denominator
#
import numpy as np


def softmax(z):
    e = np.exp(z)
    s = np.sum(e) + 1.0
    return e / s
