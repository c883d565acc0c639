# eq2code-example: verdict=fail
# eq2code-example: note=Uses the base-10 logarithm; the lecture's log is natural.
import numpy as np


def softplus(x):
    return np.log10(1 + np.exp(x))
