# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages over the outcomes instead of summing: divides the entropy by K.
import numpy as np


def entropy(p):
    return -np.mean(p * np.log(p))
