# eq2code-example: verdict=pass
# eq2code-example: note=Batched over leading axes: statistics over axis=-1 with keepdims.
import numpy as np


def layer_norm(x, gamma, beta, epsilon=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    x_hat = (x - mu) / np.sqrt(var + epsilon)
    return x_hat * gamma + beta
