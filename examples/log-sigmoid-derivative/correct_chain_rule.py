# eq2code-example: verdict=pass
# eq2code-example: note=The right side of block 51 as written: (1 / sigma(x)) * sigma(x) * (1 - sigma(x)), with a helper.
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def log_sigmoid_grad(x):
    s = sigmoid(x)
    return (1.0 / s) * s * (1.0 - s)
