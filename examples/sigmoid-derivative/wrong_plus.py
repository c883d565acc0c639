# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=sigmoid(x) * (1 + sigmoid(x)): a sign slip in the second factor.
import numpy as np


def sigmoid_grad(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 + s)
