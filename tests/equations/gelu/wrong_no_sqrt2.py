# eq2code-example: verdict=fail
# eq2code-example: note=Forgets to divide x by sqrt(2) inside erf.
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def gelu(x):
    return 0.5 * x * (1.0 + _erf(x))
