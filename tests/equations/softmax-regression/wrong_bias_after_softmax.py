# eq2code-example: verdict=fail
# eq2code-example: note=Adds the bias after the softmax instead of to the logits.
import numpy as np


def softmax_regression(W, x, b):
    z = W @ x
    e = np.exp(z - np.max(z))
    return e / np.sum(e) + b
