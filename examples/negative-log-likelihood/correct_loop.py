# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the samples, with an unused reduction parameter that has a default.
import math


def nll(likelihoods, reduction="sum"):
    total = 0.0
    for p_i in likelihoods:
        total -= math.log(p_i)
    return total
