# eq2code-example: verdict=fail mistake=kl-direction-swapped
# eq2code-example: check=--rule=kl-divergence
# eq2code-example: note=Parameters named p and q but used the other way round: the names claim the roles, so this is the learner's swap.
import numpy as np


def kl_divergence(p, q):
    return np.sum(q * np.log(q / p), axis=-1)
