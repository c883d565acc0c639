# eq2code-example: verdict=pass
# eq2code-example: note=The textbook's sigmoid_grad: (1 - sigmoid(x)) * sigmoid(x), with a sigmoid helper.
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)
