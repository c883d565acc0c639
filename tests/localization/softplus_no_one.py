# eq2code-localize: equation=softplus line=9
# eq2code-localize: mistake=log of exp without the one
#
import numpy as np


def softplus(x):
    e = np.exp(x)
    return np.log(e + 0.5)
