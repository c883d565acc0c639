# eq2code-example: verdict=fail
# eq2code-example: note=Averages over the latent dimensions instead of summing.
import numpy as np


def kl_divergence(mu, sigma):
    return 0.5 * np.mean(mu ** 2 + sigma ** 2 - np.log(sigma ** 2) - 1)
