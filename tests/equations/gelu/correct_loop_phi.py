# eq2code-example: verdict=pass
# eq2code-example: note=Loop over the flattened input with a helper for the normal CDF Phi.
import math

import numpy as np


def phi(v):
    return 0.5 * (1.0 + math.erf(v / math.sqrt(2.0)))


def gelu(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    flat_in, flat_out = x.reshape(-1), out.reshape(-1)
    for k in range(flat_in.size):
        flat_out[k] = flat_in[k] * phi(flat_in[k])
    return out
