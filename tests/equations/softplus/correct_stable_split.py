# eq2code-example: verdict=pass
# eq2code-example: note=Stable rewrite max(x, 0) + log(1 + e^{-|x|}).
import numpy as np


def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
