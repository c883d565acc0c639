# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=softmax
# eq2code-example: note=A required axis parameter: the equation's index runs over the last axis, so axis=-1.
import numpy as np


def softmax(z, axis):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
