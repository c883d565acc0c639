# eq2code-example: verdict=pass
# eq2code-example: note=Plain Python loops with math, returning a list.
import math


def log_softmax(z):
    total = 0.0
    for zj in z:
        total += math.exp(zj)
    log_total = math.log(total)
    return [zi - log_total for zi in z]
