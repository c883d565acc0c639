# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Returns log-softmax (z - logsumexp(z)) instead of the probabilities.
import numpy as np


def softmax(z):
    m = np.max(z)
    return z - (m + np.log(np.sum(np.exp(z - m))))
