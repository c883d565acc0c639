# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Forgets the log: returns the sum of exponentials itself.
import numpy as np


def logsumexp(z):
    return np.sum(np.exp(z))
