# eq2code-example: verdict=fail findings=numeric-mismatch mistake=wrong-log-base
# eq2code-example: note=Uses log10; the lecture's log is natural.
import numpy as np


def negative_log_likelihood(p):
    return -np.sum(np.log10(p))
