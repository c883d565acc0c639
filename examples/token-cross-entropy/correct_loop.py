# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the positions.
import math


def token_cross_entropy(P, x):
    total = 0.0
    for t, token in enumerate(x):
        total += -math.log(P[t][token])
    return total / len(x)
