# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=The absolute value: negative inputs come out positive instead of 0.
import numpy as np


def relu(x):
    return np.abs(x)
