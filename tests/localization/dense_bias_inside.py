# eq2code-localize: rule=dense-layer line=8
# eq2code-localize: mistake=adds the bias to the input before the product
#
import numpy as np


def dense(x, W, b):
    z = W @ (x + b.sum())
    return 1.0 / (1.0 + np.exp(-z))
