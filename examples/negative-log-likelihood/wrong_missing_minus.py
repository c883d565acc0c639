# eq2code-example: verdict=fail findings=numeric-mismatch mistake=sign-error
# eq2code-example: note=Returns the log-likelihood (block 15's objective) instead of its negative.
import numpy as np


def negative_log_likelihood(p):
    return np.sum(np.log(p))
