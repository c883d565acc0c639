# eq2code-example: verdict=fail
# eq2code-example: note=Implements the tanh approximation, which differs from the exact erf form by up to about 1e-3.
import numpy as np


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))
