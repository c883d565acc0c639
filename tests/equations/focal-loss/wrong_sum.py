# eq2code-example: verdict=fail
# eq2code-example: note=Sums over the samples instead of averaging.
import numpy as np


def focal_loss(y, y_hat, gamma):
    pos = y * (1 - y_hat) ** gamma * np.log(y_hat)
    neg = (1 - y) * y_hat ** gamma * np.log(1 - y_hat)
    return -np.sum(pos + neg)
