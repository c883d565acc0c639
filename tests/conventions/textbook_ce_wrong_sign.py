# eq2code-example: verdict=fail mistake=sign-error
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=The textbook's signature with the minus dropped.
import numpy as np


def cross_entropy_error(y, t):
    delta = 1e-7
    return np.sum(t * np.log(y + delta))
