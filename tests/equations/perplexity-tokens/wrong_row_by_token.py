# eq2code-example: verdict=fail
# eq2code-example: note=Indexes P[x_t, t] (the token picks the row) instead of P[t, x_t]; with T != V this reads out of range.
import numpy as np


def perplexity(x, P):
    T = len(x)
    return np.exp(-np.mean(np.log(P[x, np.arange(T)])))
