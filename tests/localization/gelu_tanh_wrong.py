# eq2code-localize: equation=gelu line=8
# eq2code-localize: mistake=uses the sigmoid instead of the normal CDF
#
import numpy as np


def gelu(x):
    phi = 1.0 / (1.0 + np.exp(-x))
    return x * phi
