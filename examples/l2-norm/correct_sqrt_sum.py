# eq2code-example: verdict=pass
# eq2code-example: note=sqrt of the sum of squares over the last axis.
import numpy as np


def l2_norm(x, axis=-1):
    return np.sqrt(np.sum(x ** 2, axis=axis))
