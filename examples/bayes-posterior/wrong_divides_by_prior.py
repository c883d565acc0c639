# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Divides the likelihood by the prior instead of multiplying.
import numpy as np


def posterior(likelihood, prior):
    w = likelihood / prior
    return w / np.sum(w)
