# eq2code-localize: rule=sigmoid line=8
# eq2code-localize: mistake=drops the one in the denominator
#
import numpy as np


def sigmoid(x):
    den = np.exp(-x)
    return 1.0 / den
