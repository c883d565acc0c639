# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Differentiates log only: 1 / sigma(x), without the inner derivative sigma'(x).
import numpy as np


def log_sigmoid_derivative(x):
    return 1.0 + np.exp(-x)
