# eq2code-example: verdict=fail
# eq2code-example: note=Copies the VAE paper's -D_KL term (1 + log sigma^2 - mu^2 - sigma^2)/2 and returns it without negating it.
import numpy as np


def kl_divergence(mu, sigma):
    return 0.5 * np.sum(1 + np.log(sigma ** 2) - mu ** 2 - sigma ** 2)
