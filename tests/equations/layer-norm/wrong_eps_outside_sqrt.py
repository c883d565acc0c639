# eq2code-example: verdict=fail
# eq2code-example: note=Adds epsilon to the standard deviation instead of to the variance under the square root.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = np.mean(x)
    std = np.std(x)
    return gamma * (x - mu) / (std + eps) + beta
