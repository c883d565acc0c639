# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the latent dimensions.
import math


def gaussian_kl(mu, sigma):
    total = 0.0
    for m, s in zip(mu, sigma):
        total += s * s + m * m - 1.0 - 2.0 * math.log(s)
    return total / 2.0
