# eq2code-example: verdict=fail
# eq2code-example: check=--rule=gaussian-kl
# eq2code-example: note=The log-variance form with exp(logvar) squared once more: wrong under every reading.
import numpy as np


def kl_divergence(mu, logvar):
    return -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar) ** 2)
