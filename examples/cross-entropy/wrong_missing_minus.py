# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Forgets the minus sign, so the loss is negative.
import numpy as np


def cross_entropy(y, y_hat):
    return np.sum(y * np.log(y_hat))
