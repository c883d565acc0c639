# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised, term by term as in the equation.
import numpy as np


def kl_divergence(mu, sigma):
    return 0.5 * np.sum(mu ** 2 + sigma ** 2 - np.log(sigma ** 2) - 1)
