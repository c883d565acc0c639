# eq2code-example: verdict=fail
# eq2code-example: note=Uses the absolute residual (MAE) instead of the squared residual.
import numpy as np


def mse(y, y_hat):
    return np.mean(np.abs(y - y_hat))
