# eq2code-example: verdict=fail
# eq2code-example: note=Uses the unbiased variance (ddof=1, divides by d-1) instead of dividing by d.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = np.mean(x)
    var = np.var(x, ddof=1)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
