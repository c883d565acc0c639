# eq2code-example: verdict=fail findings=missing-sqrt
# eq2code-example: note=Returns the squared norm: the sqrt is missing.
import numpy as np


def l2_norm(x):
    return np.sum(x ** 2)
