# eq2code-example: verdict=fail
# eq2code-example: note=Misapplies the log rule as log(a/b) = log(a)/log(b): divides z by the log-sum-exp instead of subtracting it.
import numpy as np


def log_softmax(z):
    return z / np.log(np.sum(np.exp(z)))
