# eq2code-example: verdict=fail
# eq2code-example: note=Returns the negative log-likelihood per class (log-sum-exp minus z) instead of the log-probabilities.
import numpy as np


def log_softmax(z):
    return np.log(np.sum(np.exp(z))) - z
