# eq2code-example: verdict=pass
# eq2code-example: note=Block 23 word for word: the sum of f(x) p(x), batched over leading axes.
import numpy as np


def expectation(f, p):
    return np.sum(f * p, axis=-1)
