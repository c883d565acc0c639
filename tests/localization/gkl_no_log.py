# eq2code-localize: rule=gaussian-kl line=9
# eq2code-localize: mistake=drops the log of the variance
#
import numpy as np


def gaussian_kl(mu, sigma):
    var = sigma ** 2
    inner = var + mu ** 2 - 1.0 - var
    return 0.5 * np.sum(inner)
