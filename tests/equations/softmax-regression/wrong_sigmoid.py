# eq2code-example: verdict=fail
# eq2code-example: note=Applies the logistic sigmoid to each logit instead of the softmax (outputs do not sum to 1).
import numpy as np


def softmax_regression(W, x, b):
    z = W @ x + b
    return 1.0 / (1.0 + np.exp(-z))
