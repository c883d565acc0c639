# eq2code-example: verdict=pass
# eq2code-example: note=The stable form of block 18: subtract the max, then add it back; batched over leading axes.
import numpy as np


def logsumexp(z):
    m = np.max(z, axis=-1, keepdims=True)
    return np.squeeze(m, axis=-1) + np.log(np.sum(np.exp(z - m), axis=-1))
