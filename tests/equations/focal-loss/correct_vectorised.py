# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised, the two terms as written.
import numpy as np


def focal_loss(y, y_hat, gamma):
    pos = y * (1 - y_hat) ** gamma * np.log(y_hat)
    neg = (1 - y) * y_hat ** gamma * np.log(1 - y_hat)
    return -np.mean(pos + neg)
