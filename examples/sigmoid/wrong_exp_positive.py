# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Drops the minus in the exponent: 1 / (1 + exp(x)).
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(x))
