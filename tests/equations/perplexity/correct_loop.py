# eq2code-example: verdict=pass
# eq2code-example: note=Loop accumulating the negative log-likelihood.
import math


def perplexity(p):
    nll = 0.0
    for p_t in p:
        nll -= math.log(p_t)
    return math.exp(nll / len(p))
