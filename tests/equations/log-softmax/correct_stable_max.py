# eq2code-example: verdict=pass
# eq2code-example: note=Stable log-softmax of one vector: subtract the max, then the log-sum-exp of the shifted logits.
import numpy as np


def log_softmax(z):
    m = np.max(z)
    shifted = z - m
    return shifted - np.log(np.sum(np.exp(shifted)))
