# eq2code-example: verdict=pass
# eq2code-example: note=Batched over leading axes: squared residuals summed over axis=-1 and divided by N.
import numpy as np


def mse(y_true, y_pred):
    diff = y_pred - y_true
    return np.sum(diff * diff, axis=-1) / y_true.shape[-1]
