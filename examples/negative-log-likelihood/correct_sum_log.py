# eq2code-example: verdict=pass
# eq2code-example: note=Block 16's objective: minus the sum of the log-probabilities, batched over leading axes.
import numpy as np


def negative_log_likelihood(p):
    return -np.sum(np.log(p), axis=-1)
