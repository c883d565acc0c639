# eq2code-localize: equation=huber line=9
# eq2code-localize: mistake=the linear branch forgets the delta of delta^2/2
#
import numpy as np


def huber_loss(y, y_hat, delta):
    a = np.abs(y - y_hat)
    lin = delta * a - 0.5
    return np.mean(np.where(a <= delta, 0.5 * a ** 2, lin))
