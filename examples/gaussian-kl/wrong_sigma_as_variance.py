# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Treats sigma as the variance: uses sigma and log sigma where sigma^2 and log sigma^2 belong.
import numpy as np


def gaussian_kl(mu, sigma):
    return 0.5 * np.sum(sigma + mu ** 2 - 1.0 - np.log(sigma))
