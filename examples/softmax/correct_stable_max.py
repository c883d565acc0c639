# eq2code-example: verdict=pass
# eq2code-example: note=Numerically stable softmax: subtract the max before exp, batched over leading axes.
import numpy as np


def softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
