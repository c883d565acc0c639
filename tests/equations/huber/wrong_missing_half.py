# eq2code-example: verdict=fail
# eq2code-example: note=Forgets the 1/2 in the quadratic branch.
import numpy as np


def huber_loss(y, y_hat, delta=1.0):
    a = np.abs(y - y_hat)
    return np.mean(np.where(a <= delta, a ** 2, delta * (a - 0.5 * delta)))
