# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Takes the largest absolute value: the max (L-infinity) norm.
import numpy as np


def l1_norm(x):
    return np.max(np.abs(x))
