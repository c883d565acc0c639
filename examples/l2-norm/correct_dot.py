# eq2code-example: verdict=pass
# eq2code-example: note=sqrt of the dot product of x with itself.
import numpy as np


def norm(vec):
    return np.sqrt(np.dot(vec, vec))
