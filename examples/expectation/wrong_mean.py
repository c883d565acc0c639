# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages f(x) p(x) over the outcomes: the weights already sum to 1, so this divides by K.
import numpy as np


def expectation(f, p):
    return np.mean(f * p)
