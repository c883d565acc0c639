# eq2code-example: verdict=fail findings=exception mistake=missing-transpose
# eq2code-example: note=Writes x @ W: with W of shape (m, n) the shapes do not align (x @ W.T or W @ x is meant).
import numpy as np


def dense_layer(x, W, b):
    return 1.0 / (1.0 + np.exp(-(x @ W + b)))
