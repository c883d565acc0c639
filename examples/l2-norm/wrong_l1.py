# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Sums absolute values: this is the L1 norm.
import numpy as np


def l2_norm(x):
    return np.sum(np.abs(x))
