# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Forgets the minus sign.
import numpy as np


def cross_entropy(p, q):
    return np.sum(p * np.log(q))
