# eq2code-example: verdict=pass findings=log-of-zero
# eq2code-example: note=Block 59 word for word, batched; log(0) for an exact zero in q gives nan terms (a warning).
import numpy as np


def cross_entropy(p, q):
    return -np.sum(p * np.log(q), axis=-1)
