# eq2code-example: verdict=fail findings=numeric-mismatch mistake=sum-vs-mean
# eq2code-example: note=Sums over the positions and forgets the 1/T of block 5.
import numpy as np


def token_cross_entropy(P, x):
    return -np.sum(np.log(P[np.arange(len(x)), x]))
