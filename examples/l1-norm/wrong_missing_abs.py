# eq2code-example: verdict=fail findings=missing-abs
# eq2code-example: note=Sums the entries without their absolute values, so negative entries cancel.
import numpy as np


def l1_norm(x):
    return np.sum(x)
