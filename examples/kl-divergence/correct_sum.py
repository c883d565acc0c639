# eq2code-example: verdict=pass findings=log-of-zero
# eq2code-example: note=Block 60 word for word, batched; 0 * log(0/q) gives nan when p has an exact zero (a warning).
import numpy as np


def kl_divergence(p, q):
    return np.sum(p * np.log(p / q), axis=-1)
