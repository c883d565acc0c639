# eq2code-example: verdict=fail
# eq2code-example: note=Multiplies by gamma instead of raising to the power gamma.
import numpy as np


def focal_loss(y, y_hat, gamma):
    pos = y * gamma * (1 - y_hat) * np.log(y_hat)
    neg = (1 - y) * gamma * y_hat * np.log(1 - y_hat)
    return -np.mean(pos + neg)
