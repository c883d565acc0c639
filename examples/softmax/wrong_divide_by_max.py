# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Divides by the largest exp instead of the sum of exps.
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.max(e)
