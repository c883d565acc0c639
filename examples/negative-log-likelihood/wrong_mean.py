# eq2code-example: verdict=fail findings=numeric-mismatch mistake=sum-vs-mean
# eq2code-example: note=Averages over the samples; block 16's objective is a sum.
import numpy as np


def negative_log_likelihood(p):
    return -np.mean(np.log(p))
