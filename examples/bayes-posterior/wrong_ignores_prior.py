# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Normalises the likelihood alone: the prior p(theta) is missing.
import numpy as np


def posterior(likelihood, prior):
    return likelihood / np.sum(likelihood)
