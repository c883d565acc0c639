# eq2code-example: verdict=fail findings=wrong-log-base
# eq2code-example: note=Uses log base 2 (bits) instead of the natural log.
import numpy as np


def cross_entropy(y, y_hat):
    return -np.sum(y * np.log2(y_hat))
