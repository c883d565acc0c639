# eq2code-example: verdict=pass
# eq2code-example: note=The VAE paper's form -1/2 * sum(1 + log sigma^2 - mu^2 - sigma^2), parameters named mean and std.
import numpy as np


def kl_loss(mean, std):
    log_var = 2.0 * np.log(std)
    return -0.5 * np.sum(1.0 + log_var - mean ** 2 - np.exp(log_var))
