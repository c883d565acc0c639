# eq2code-localize: rule=sigmoid line=8
# eq2code-localize: mistake=exp(+x) instead of exp(-x) inside... as 1/(1-e^{-x})
#
import numpy as np


def sigmoid(x):
    d = 1.0 - np.exp(-x)
    return 1.0 / d
