# eq2code-example: verdict=pass
# eq2code-example: note=Loop over the latent dimensions.
import math


def kl_divergence(mu, sigma):
    total = 0.0
    for m, s in zip(mu, sigma):
        total += m * m + s * s - math.log(s * s) - 1.0
    return total / 2
