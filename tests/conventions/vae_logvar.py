# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=gaussian-kl
# eq2code-example: note=The VAE's KL term written with the log-variance, as VAE code does.
import numpy as np


def kl_divergence(mu, logvar):
    return -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
