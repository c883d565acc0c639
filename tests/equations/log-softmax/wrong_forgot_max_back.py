# eq2code-example: verdict=fail
# eq2code-example: note=Subtracts the max for stability but forgets to add it back to the log-sum-exp (every entry is off by max(z)).
import numpy as np


def log_softmax(z):
    m = np.max(z)
    return z - np.log(np.sum(np.exp(z - m)))
