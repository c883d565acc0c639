# eq2code-example: verdict=pass
# eq2code-example: note=einsum over the last axis, batched.
import numpy as np


def expectation(f, p):
    return np.einsum("...k,...k->...", f, p)
