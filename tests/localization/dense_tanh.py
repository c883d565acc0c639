# eq2code-localize: rule=dense-layer line=9
# eq2code-localize: mistake=applies tanh instead of the sigmoid
#
import numpy as np


def dense(x, W, b):
    z = W @ x + b
    return np.tanh(z)
