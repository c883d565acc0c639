# eq2code-example: verdict=pass
# eq2code-example: note=Direct translation with np.exp.
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))
