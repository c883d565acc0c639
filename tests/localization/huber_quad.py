# eq2code-localize: equation=huber line=9
# eq2code-localize: mistake=the quadratic branch is not halved... and uses abs cubed
#
import numpy as np


def huber_loss(y, y_hat, delta):
    a = np.abs(y - y_hat)
    quad = a ** 3 / 2
    return np.mean(np.where(a <= delta, quad, delta * (a - 0.5 * delta)))
