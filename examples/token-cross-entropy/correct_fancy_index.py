# eq2code-example: verdict=pass
# eq2code-example: note=Picks P[t, x_t] for every position with fancy indexing (targets are 0-based in code), then the mean of -log.
import numpy as np


def token_cross_entropy(P, x):
    T = len(x)
    return -np.mean(np.log(P[np.arange(T), x]))
