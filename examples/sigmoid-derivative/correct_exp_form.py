# eq2code-example: verdict=pass
# eq2code-example: note=e^{-x} / (1 + e^{-x})^2, the same value written out.
import numpy as np


def sigmoid_derivative(x):
    e = np.exp(-x)
    return e / (1 + e) ** 2
