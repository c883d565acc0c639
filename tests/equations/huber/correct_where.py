# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised with np.where over the residuals.
import numpy as np


def huber_loss(y, y_hat, delta=1.0):
    a = y - y_hat
    abs_a = np.abs(a)
    per = np.where(abs_a <= delta, 0.5 * a ** 2, delta * (abs_a - 0.5 * delta))
    return np.mean(per)
