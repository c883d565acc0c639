# eq2code-localize: rule=expectation line=9
# eq2code-localize: mistake=averages f without the weights
#
import numpy as np


def expectation(f, p):
    w = f * p
    return np.sum(w) / np.sum(f)
