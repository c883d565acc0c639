# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop that skips outcomes with p(x) = 0.
import math


def cross_entropy(p, q):
    total = 0.0
    for px, qx in zip(p, q):
        if px > 0:
            total -= px * math.log(qx)
    return total
