# eq2code-example: verdict=pass
# eq2code-example: note=Stable: log(1 + e^x) = logaddexp(0, x).
import numpy as np


def softplus(x):
    return np.logaddexp(0.0, x)
