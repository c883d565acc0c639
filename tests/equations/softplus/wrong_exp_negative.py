# eq2code-example: verdict=fail
# eq2code-example: note=Uses e^{-x} (confused with the sigmoid's denominator): computes softplus(-x).
import numpy as np


def softplus(x):
    return np.log(1 + np.exp(-x))
