# eq2code-example: verdict=fail findings=temperature-inverted
# eq2code-example: note=Multiplies the logits by T instead of dividing.
import numpy as np


def softmax_temperature(x, T):
    e = np.exp(x * T)
    return e / np.sum(e)
