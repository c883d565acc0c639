# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Takes the log of the sum of probabilities instead of the sum of their logs.
import numpy as np


def negative_log_likelihood(p):
    return -np.log(np.sum(p))
