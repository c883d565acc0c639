# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Returns max(z), the approximation of log-sum-exp, not its value.
import numpy as np


def logsumexp(z):
    return np.max(z)
