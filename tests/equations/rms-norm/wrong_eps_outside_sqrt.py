# eq2code-example: verdict=fail
# eq2code-example: note=Adds epsilon after the square root instead of inside it.
import numpy as np


def rms_norm(x, gamma, eps=1e-6):
    rms = np.sqrt(np.mean(x ** 2)) + eps
    return gamma * x / rms
