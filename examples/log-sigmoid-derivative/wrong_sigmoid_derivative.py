# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Returns sigma'(x) = sigma(x)(1 - sigma(x)): the derivative of sigma, not of log sigma (the 1/sigma(x) of the chain rule is missing).
import numpy as np


def log_sigmoid_derivative(x):
    s = 1.0 / (1.0 + np.exp(-x))
    return s * (1.0 - s)
