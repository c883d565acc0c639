# eq2code-example: verdict=pass
# eq2code-example: note=The closed form with sigma given: 1/2 * sum(sigma^2 + mu^2 - 1 - log sigma^2), batched over leading axes.
import numpy as np


def gaussian_kl(mu, sigma):
    var = sigma ** 2
    return 0.5 * np.sum(var + mu ** 2 - 1.0 - np.log(var), axis=-1)
