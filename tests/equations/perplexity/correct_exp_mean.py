# eq2code-example: verdict=pass
# eq2code-example: note=exp of the mean negative log-probability.
import numpy as np


def perplexity(p):
    return np.exp(-np.mean(np.log(p)))
