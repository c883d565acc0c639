# eq2code-example: verdict=pass
# eq2code-example: note=Logits W @ x + b, then a max-shifted softmax.
import numpy as np


def softmax_regression(W, x, b):
    z = W @ x + b
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
