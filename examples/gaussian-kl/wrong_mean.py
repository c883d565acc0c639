# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages over the latent dimensions instead of summing.
import numpy as np


def gaussian_kl(mu, sigma):
    return 0.5 * np.mean(sigma ** 2 + mu ** 2 - 1.0 - np.log(sigma ** 2))
