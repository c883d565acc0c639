# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Sums absolute differences instead of squares.
import numpy as np


def mean_squared_error(y, t):
    return 0.5 * np.sum(np.abs(y - t))
