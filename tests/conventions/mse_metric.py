# eq2code-example: verdict=pass
# eq2code-example: check=mse.tex
# eq2code-example: note=The metric as libraries write it: the mean of the squared differences.
import numpy as np


def mse(y_true, y_pred):
    return np.mean(np.square(y_true - y_pred))
