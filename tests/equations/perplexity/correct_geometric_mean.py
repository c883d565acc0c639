# eq2code-example: verdict=pass
# eq2code-example: note=The inverse geometric mean of the probabilities, prod(p)^(-1/T) (algebraically equal).
import numpy as np


def perplexity(p):
    T = len(p)
    return np.prod(p) ** (-1.0 / T)
