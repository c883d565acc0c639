# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=np.minimum keeps the negative part instead of the positive one.
import numpy as np


def relu(x):
    return np.minimum(0, x)
