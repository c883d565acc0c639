# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop; the distributions are called P and Q.
import math


def kl_div(P, Q):
    d = 0.0
    for px, qx in zip(P, Q):
        if px > 0:
            d += px * math.log(px / qx)
    return d
