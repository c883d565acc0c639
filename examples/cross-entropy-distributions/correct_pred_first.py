# eq2code-example: verdict=pass
# eq2code-example: note=Arguments named y_pred, y_true and in the other order; the rule's params= aliases map them.
import numpy as np


def cross_entropy(y_pred, y_true):
    return float(-(y_true * np.log(y_pred)).sum())
