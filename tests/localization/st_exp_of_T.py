# eq2code-localize: rule=softmax-temperature line=8
# eq2code-localize: mistake=adds the temperature instead of dividing
#
import numpy as np


def softmax_temperature(x, T):
    s = x + T
    e = np.exp(s)
    return e / np.sum(e)
