# eq2code-example: verdict=pass
# eq2code-example: note=Batched: averages over axis=-1, using log1p for log(1 - y_hat).
import numpy as np


def binary_cross_entropy(y_true, y_pred):
    per_sample = y_true * np.log(y_pred) + (1.0 - y_true) * np.log1p(-y_pred)
    return -per_sample.mean(axis=-1)
