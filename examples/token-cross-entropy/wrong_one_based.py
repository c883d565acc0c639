# eq2code-example: verdict=fail findings=numeric-mismatch mistake=off-by-one
# eq2code-example: note=Treats the token ids as 1-based, as the math writes them: picks P[t, x_t - 1].
import numpy as np


def token_cross_entropy(P, x):
    return -np.mean(np.log(P[np.arange(len(x)), x - 1]))
