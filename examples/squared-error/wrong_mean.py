# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Takes the mean over the K outputs, as the name mean_squared_error suggests, where the equation sums.
import numpy as np


def mean_squared_error(y, t):
    return 0.5 * np.mean((y - t) ** 2)
