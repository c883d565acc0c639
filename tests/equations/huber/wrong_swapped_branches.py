# eq2code-example: verdict=fail
# eq2code-example: note=The comparison is the wrong way round: quadratic for large residuals, linear for small ones.
import numpy as np


def huber_loss(y, y_hat, delta=1.0):
    a = np.abs(y - y_hat)
    return np.mean(np.where(a > delta, 0.5 * a ** 2, delta * (a - 0.5 * delta)))
