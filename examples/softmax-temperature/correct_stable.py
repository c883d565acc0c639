# eq2code-example: verdict=pass
# eq2code-example: note=Divide by T, subtract the max, then normalise over the last axis.
import numpy as np


def softmax_temperature(x, T):
    s = x / T
    s = s - np.max(s, axis=-1, keepdims=True)
    e = np.exp(s)
    return e / np.sum(e, axis=-1, keepdims=True)
