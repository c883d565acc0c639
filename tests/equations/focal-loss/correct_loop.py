# eq2code-example: verdict=pass
# eq2code-example: note=Loop over the samples.
import math


def focal_loss(y, y_hat, gamma):
    total = 0.0
    for yi, pi in zip(y, y_hat):
        if yi == 1:
            total += (1 - pi) ** gamma * math.log(pi)
        else:
            total += pi ** gamma * math.log(1 - pi)
    return -total / len(y)
