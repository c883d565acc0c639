# eq2code-localize: rule=gaussian-kl line=8
# eq2code-localize: mistake=uses sigma where the equation has sigma squared
#
import numpy as np


def gaussian_kl(mu, sigma):
    var = sigma * 2
    return 0.5 * np.sum(var + mu ** 2 - 1.0 - np.log(var))
