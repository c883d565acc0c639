# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Uses ReLU as the activation; in block 41 sigma is the logistic function.
import numpy as np


def dense_layer(x, W, b):
    return np.maximum(0.0, W @ x + b)
