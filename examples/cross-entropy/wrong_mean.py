# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages over the classes instead of summing.
import numpy as np


def cross_entropy(y, y_hat):
    return -np.mean(y * np.log(y_hat))
