# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Divides the softmax probabilities by T instead of dividing the logits.
import numpy as np


def softmax_temperature(x, T):
    e = np.exp(x - np.max(x))
    return e / np.sum(e) / T
