# eq2code-example: verdict=pass
# eq2code-example: note=Picks P[t, x_t] with fancy indexing (tokens are 0-based in code).
import numpy as np


def perplexity(x, P):
    T = len(x)
    picked = P[np.arange(T), x]
    return np.exp(-np.mean(np.log(picked)))
