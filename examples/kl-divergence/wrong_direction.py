# eq2code-example: verdict=fail findings=kl-direction-swapped
# eq2code-example: note=Computes D_KL(q||p): weights by q. KL is not symmetric (block 61 is false).
import numpy as np


def kl_divergence(p, q):
    return np.sum(q * np.log(q / p))
