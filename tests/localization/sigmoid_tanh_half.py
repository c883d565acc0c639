# eq2code-localize: rule=sigmoid line=8
# eq2code-localize: mistake=tanh form without halving the argument
#
import numpy as np


def sigmoid(x):
    t = np.tanh(x)
    return 0.5 * (t + 1.0)
