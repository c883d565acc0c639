# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages the absolute values (mean absolute value) instead of summing them.
import numpy as np


def l1_norm(x):
    return np.mean(np.abs(x))
