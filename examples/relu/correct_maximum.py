# eq2code-example: verdict=pass
# eq2code-example: note=np.maximum against 0, elementwise.
import numpy as np


def relu(x):
    return np.maximum(0, x)
