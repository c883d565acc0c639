# eq2code-example: verdict=pass
# eq2code-example: note=Loop over the samples that picks the log term of the true label.
import math


def binary_cross_entropy(y, y_hat):
    total = 0.0
    for yi, pi in zip(y, y_hat):
        if yi == 1:
            total += math.log(pi)
        else:
            total += math.log(1 - pi)
    return -total / len(y)
