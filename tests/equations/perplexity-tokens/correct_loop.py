# eq2code-example: verdict=pass
# eq2code-example: note=Loop over the steps, indexing the row of step t by the token x_t.
import math


def perplexity(x, P):
    nll = 0.0
    for t, token in enumerate(x):
        nll -= math.log(P[t][token])
    return math.exp(nll / len(x))
