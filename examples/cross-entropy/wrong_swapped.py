# eq2code-example: verdict=fail findings=numeric-mismatch mistake=swapped-arguments
# eq2code-example: note=Swaps target and prediction inside the formula: -sum(y_hat * log(y)).
import numpy as np


def cross_entropy(y, y_hat, eps=1e-12):
    return -np.sum(y_hat * np.log(y + eps))
