# eq2code-example: verdict=pass
# eq2code-example: note=Reuses a plain softmax helper on x / T; the alias picks softmax_temperature.
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_temperature(x, T):
    return softmax(x / T)
