# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Forgets to square the entries before summing.
import numpy as np


def l2_norm(x):
    return np.sqrt(np.abs(np.sum(x)))
