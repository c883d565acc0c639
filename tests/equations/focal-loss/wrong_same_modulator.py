# eq2code-example: verdict=fail
# eq2code-example: note=Uses (1 - y_hat)^gamma for the negative term too; it should be y_hat^gamma.
import numpy as np


def focal_loss(y, y_hat, gamma):
    w = (1 - y_hat) ** gamma
    return -np.mean(w * (y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
