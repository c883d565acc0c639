# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Returns sigma(x) instead of 1 - sigma(x).
import numpy as np


def log_sigmoid_derivative(x):
    return 1.0 / (1.0 + np.exp(-x))
