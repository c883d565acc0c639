# eq2code-localize: rule=softmax line=8
# eq2code-localize: mistake=takes the absolute value of the logits before exp
#
import numpy as np


def softmax(z):
    a = np.abs(z)
    e = np.exp(a)
    return e / e.sum()
