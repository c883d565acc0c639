# eq2code-example: verdict=fail
# eq2code-example: note=Averages the log of every entry of P instead of only the observed tokens' probabilities.
import numpy as np


def perplexity(x, P):
    return np.exp(-np.mean(np.log(P)))
