# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=The denominator sums z instead of exp(z).
import numpy as np


def softmax(z):
    return np.exp(z) / np.sum(z)
