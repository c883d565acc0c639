# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Divides by the sum of f instead of the (already 1) sum of p.
import numpy as np


def expectation(f, p):
    return np.sum(f * p) / np.sum(f)
