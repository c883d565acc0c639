# eq2code-example: verdict=pass
# eq2code-example: note=The squared norm of the difference as a dot product, halved.
import numpy as np


def squared_error(y, t):
    d = y - t
    return 0.5 * np.dot(d, d)
