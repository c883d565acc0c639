# eq2code-example: verdict=pass findings=log-of-zero
# eq2code-example: note=Block 58 word for word: right, but 0 * log 0 gives nan when a probability is exactly 0 (a warning).
import numpy as np


def entropy(p):
    return -np.sum(p * np.log(p), axis=-1)
