# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Uses tanh, whose range is (-1, 1), instead of the logistic function.
import numpy as np


def sigmoid(x):
    return np.tanh(x)
