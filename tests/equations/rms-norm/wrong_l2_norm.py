# eq2code-example: verdict=fail
# eq2code-example: note=Divides by the L2 norm (missing the 1/d of the mean).
import numpy as np


def rms_norm(x, gamma, eps=1e-6):
    return gamma * x / np.sqrt(np.sum(x ** 2) + eps)
