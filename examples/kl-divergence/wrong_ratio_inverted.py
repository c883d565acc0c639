# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Writes log(q/p) instead of log(p/q), which flips the sign of the result.
import numpy as np


def kl_divergence(p, q):
    return np.sum(p * np.log(q / p))
