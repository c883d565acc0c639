# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=weighted_mean.tex
# eq2code-example: note=Reduces everything it is given: a batch of rows is read as more items of the sum (said), not as a batch-inconsistent function.
import numpy as np


def weighted_mean(x, w):
    return np.sum(w * x) / np.sum(w)
