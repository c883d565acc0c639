# eq2code-example: verdict=fail
# eq2code-example: note=Drops the minus sign: returns 1/PPL (the geometric mean probability).
import numpy as np


def perplexity(p):
    return np.exp(np.mean(np.log(p)))
