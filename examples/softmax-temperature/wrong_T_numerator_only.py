# eq2code-example: verdict=fail findings=missing-scale
# eq2code-example: note=Applies the temperature in the numerator only.
import numpy as np


def softmax_temperature(x, T):
    return np.exp(x / T) / np.sum(np.exp(x))
