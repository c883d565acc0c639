# eq2code-example: verdict=fail findings=wrong-scale
# eq2code-example: check=mse.tex
# eq2code-example: note=Divides by 2N: the ½ of ½‖e‖² kept in a mean that has none.
import numpy as np


def mse(y_true, y_pred):
    return np.sum((y_true - y_pred) ** 2) / (2 * len(y_true))
