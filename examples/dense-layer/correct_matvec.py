# eq2code-example: verdict=pass
# eq2code-example: note=Block 41 word for word: W @ x + b, then the logistic function.
import numpy as np


def dense_layer(x, W, b):
    z = W @ x + b
    return 1.0 / (1.0 + np.exp(-z))
