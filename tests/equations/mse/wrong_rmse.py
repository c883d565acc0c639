# eq2code-example: verdict=fail
# eq2code-example: note=Takes the square root: computes RMSE, not MSE.
import numpy as np


def mse(y, y_hat):
    return np.sqrt(np.mean((y - y_hat) ** 2))
