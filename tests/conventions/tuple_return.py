# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=softmax
# eq2code-example: note=Returns (probabilities, cache) as a layer's forward does; the first part is the softmax.
import numpy as np


def softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True), (shifted, e)
