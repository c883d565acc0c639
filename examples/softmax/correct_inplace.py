# eq2code-example: verdict=pass findings=input-mutated
# eq2code-example: note=Right values, but computed in place so the caller's array is overwritten (a warning, spec §2).
import numpy as np


def softmax(z):
    z -= np.max(z)
    np.exp(z, out=z)
    z /= np.sum(z)
    return z
