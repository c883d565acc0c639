# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the distribution that skips zeros.
import math


def shannon_entropy(dist):
    h = 0.0
    for px in dist:
        if px > 0:
            h -= px * math.log(px)
    return h
