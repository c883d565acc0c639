# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Returns log sigma(x) itself, the function rather than its derivative.
import numpy as np


def log_sigmoid_derivative(x):
    return -np.log1p(np.exp(-x))
