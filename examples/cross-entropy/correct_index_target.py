# eq2code-example: verdict=pass
# eq2code-example: note=Uses the one-hot target to pick the log-probability of the true class.
import numpy as np


def cross_entropy(y, y_hat):
    return -np.log(y_hat[np.argmax(y)])
