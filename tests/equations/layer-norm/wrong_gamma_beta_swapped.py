# eq2code-example: verdict=fail
# eq2code-example: note=Scales by beta and shifts by gamma (the two parameters swapped).
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = np.mean(x)
    var = np.var(x)
    return beta * (x - mu) / np.sqrt(var + eps) + gamma
