# eq2code-example: verdict=fail findings=sign-error
# eq2code-example: note=Forgets the minus sign, so the entropy comes out negative.
import numpy as np


def entropy(p):
    return np.sum(p * np.log(p))
