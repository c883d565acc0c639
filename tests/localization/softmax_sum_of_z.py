# eq2code-localize: rule=softmax line=9
# eq2code-localize: mistake=the denominator sums the logits instead of their exponentials
#
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(z)
