# eq2code-example: verdict=pass
# eq2code-example: note=Uses 1 + erf(t) = erfc(-t), the form that stays accurate for very negative x.
import math

import numpy as np


def gelu(x):
    erfc = np.vectorize(math.erfc, otypes=[float])
    return 0.5 * x * erfc(-x / math.sqrt(2.0))
