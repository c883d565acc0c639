# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised with mean and the (biased) variance of the vector.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = np.mean(x)
    var = np.var(x)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
