# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Writes the VAE paper's bracket without its leading minus: 1/2 * sum(1 + log sigma^2 - mu^2 - sigma^2).
import numpy as np


def gaussian_kl(mu, sigma):
    return 0.5 * np.sum(1.0 + np.log(sigma ** 2) - mu ** 2 - sigma ** 2)
