# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Sums -log p(x) without weighting each term by p(x).
import numpy as np


def entropy(p):
    return -np.sum(np.log(p))
