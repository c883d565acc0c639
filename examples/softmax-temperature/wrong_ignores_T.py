# eq2code-example: verdict=fail findings=missing-scale
# eq2code-example: note=Accepts T but never uses it: plain softmax.
import numpy as np


def softmax_temperature(x, T):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)
