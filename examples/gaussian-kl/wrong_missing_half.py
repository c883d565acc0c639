# eq2code-example: verdict=fail findings=missing-scale
# eq2code-example: note=Forgets the factor 1/2.
import numpy as np


def gaussian_kl(mu, sigma):
    return np.sum(sigma ** 2 + mu ** 2 - 1.0 - np.log(sigma ** 2))
