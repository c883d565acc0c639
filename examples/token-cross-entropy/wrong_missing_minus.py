# eq2code-example: verdict=fail findings=numeric-mismatch mistake=sign-error
# eq2code-example: note=Forgets the minus: the mean log-likelihood, not the loss.
import numpy as np


def token_cross_entropy(P, x):
    return np.mean(np.log(P[np.arange(len(x)), x]))
