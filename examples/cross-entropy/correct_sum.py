# eq2code-example: verdict=pass findings=log-of-zero
# eq2code-example: note=Direct translation; right, but log(0) gives nan for an exact zero in y_hat (a warning, spec §2 stress profiles).
import numpy as np


def cross_entropy(y, y_hat):
    return -np.sum(y * np.log(y_hat))
