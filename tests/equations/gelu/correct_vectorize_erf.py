# eq2code-example: verdict=pass
# eq2code-example: note=Exact GELU with math.erf through np.vectorize (works on scalars and arrays of any shape).
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def gelu(x):
    return x * 0.5 * (1.0 + _erf(x / np.sqrt(2.0)))
