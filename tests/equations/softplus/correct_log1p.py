# eq2code-example: verdict=pass
# eq2code-example: note=Direct formula with log1p (overflows for large x, but is right at ordinary values).
import numpy as np


def softplus(x):
    return np.log1p(np.exp(x))
