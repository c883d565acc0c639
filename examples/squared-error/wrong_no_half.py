# eq2code-example: verdict=fail findings=missing-scale
# eq2code-example: note=Forgets the factor 1/2.
import numpy as np


def mean_squared_error(y, t):
    return np.sum((y - t) ** 2)
