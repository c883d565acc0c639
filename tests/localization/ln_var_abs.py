# eq2code-localize: equation=layer-norm line=9
# eq2code-localize: mistake=variance from absolute deviations
#
import numpy as np


def layer_norm(x, gamma, beta, epsilon=1e-5):
    mu = x.mean()
    var = np.abs(x - mu).mean()
    return gamma * (x - mu) / np.sqrt(var + epsilon) + beta
