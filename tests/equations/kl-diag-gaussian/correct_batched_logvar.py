# eq2code-example: verdict=pass
# eq2code-example: note=Batched over axis=-1, computing the log-variance as 2 log sigma (the VAE-paper sign convention, negated).
import numpy as np


def kl_divergence(mu, sigma):
    log_var = 2.0 * np.log(sigma)
    return -0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
