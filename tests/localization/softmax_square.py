# eq2code-localize: rule=softmax line=9
# eq2code-localize: mistake=squares the exponentials in the numerator
#
import numpy as np


def softmax(z):
    e = np.exp(z)
    num = e ** 2
    return num / np.sum(e)
