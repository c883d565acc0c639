# eq2code-example: verdict=pass
# eq2code-example: note=Sum of absolute values over the last axis, batched.
import numpy as np


def l1_norm(x):
    return np.sum(np.abs(x), axis=-1)
