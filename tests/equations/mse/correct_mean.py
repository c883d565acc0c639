# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised: mean of the squared residuals.
import numpy as np


def mse(y, y_hat):
    return np.mean((y - y_hat) ** 2)
