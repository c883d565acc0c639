# eq2code-example: verdict=fail
# eq2code-example: note=Uses log sigma where the equation has log sigma^2 (off by a factor 2 in the log term).
import numpy as np


def kl_divergence(mu, sigma):
    return 0.5 * np.sum(mu ** 2 + sigma ** 2 - np.log(sigma) - 1)
