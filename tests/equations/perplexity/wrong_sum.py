# eq2code-example: verdict=fail
# eq2code-example: note=Sums the log-probabilities instead of averaging (missing 1/T).
import numpy as np


def perplexity(p):
    return np.exp(-np.sum(np.log(p)))
