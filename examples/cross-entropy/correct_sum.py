# eq2code-example: verdict=pass
# eq2code-example: note=Direct translation: minus the sum of y * log(y_hat).
import numpy as np


def cross_entropy(y, y_hat):
    return -np.sum(y * np.log(y_hat))
