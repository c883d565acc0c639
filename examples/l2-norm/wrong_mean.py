# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Uses the mean of the squares (root mean square) instead of the sum.
import numpy as np


def l2_norm(x):
    return np.sqrt(np.mean(x ** 2))
