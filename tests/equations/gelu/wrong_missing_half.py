# eq2code-example: verdict=fail
# eq2code-example: note=Forgets the factor 1/2 of Phi.
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def gelu(x):
    return x * (1.0 + _erf(x / math.sqrt(2.0)))
