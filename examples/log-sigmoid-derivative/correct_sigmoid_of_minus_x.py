# eq2code-example: verdict=pass findings=unstable-exp
# eq2code-example: note=1 - sigma(x) = sigma(-x), written with math for a scalar; right, but math.exp(x) raises OverflowError for large x (a warning).
import math


def dlog_sigmoid(x):
    return 1.0 / (1.0 + math.exp(x))
