# eq2code-example: verdict=pass
# eq2code-example: note=Computed as exp(z - logsumexp(z)), an algebraically equal form.
import numpy as np


def softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))
    return np.exp(z - lse)
