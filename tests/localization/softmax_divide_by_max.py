# eq2code-localize: rule=softmax line=9
# eq2code-localize: mistake=divides by the largest exponential instead of the sum
#
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    total = np.max(e)
    return e / total
