# eq2code-example: verdict=fail
# eq2code-example: note=Squares the mean residual instead of averaging the squared residuals.
import numpy as np


def mse(y, y_hat):
    return np.mean(y - y_hat) ** 2
