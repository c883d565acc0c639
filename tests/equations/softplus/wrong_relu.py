# eq2code-example: verdict=fail
# eq2code-example: note=Replaces softplus by its large-|x| limit max(0, x) (the ReLU).
import numpy as np


def softplus(x):
    return np.maximum(0.0, x)
