# eq2code-example: verdict=fail
# eq2code-example: note=Shifts the token ids by one as if the code's tokens were 1-based like the math (reads the neighbouring column, wrapping at the end).
import numpy as np


def perplexity(x, P):
    T, V = P.shape
    picked = P[np.arange(T), (x - 1) % V]
    return np.exp(-np.mean(np.log(picked)))
