# eq2code-example: verdict=pass
# eq2code-example: note=The simplified right side of block 51: 1 - sigma(x).
import numpy as np


def log_sigmoid_derivative(x):
    return 1.0 - 1.0 / (1.0 + np.exp(-x))
