# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Computes the L2 norm (sqrt of the sum of squares) instead of the L1 norm.
import numpy as np


def l1_norm(x):
    return np.sqrt(np.sum(x ** 2))
