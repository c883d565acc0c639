# eq2code-example: verdict=fail
# eq2code-example: check=--rule=softmax
# eq2code-example: note=Returns (probabilities, cache) but the probabilities are not normalised: no part of the tuple is the softmax.
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e, np.sum(e, axis=-1, keepdims=True)
