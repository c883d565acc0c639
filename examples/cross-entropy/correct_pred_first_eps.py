# eq2code-example: verdict=pass
# eq2code-example: note=Arguments in the order (y_pred, y_true) and an eps inside the log (an accepted variant).
import numpy as np


def cross_entropy(y_pred, y_true, eps=1e-12):
    return -np.sum(y_true * np.log(y_pred + eps))
