# eq2code-localize: rule=softmax line=8
# eq2code-localize: mistake=shifts the numerator but not the denominator
#
import numpy as np


def softmax(z):
    num = np.exp(z - np.mean(z))
    den = np.sum(np.exp(z))
    return num / den
