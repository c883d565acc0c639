# eq2code-example: verdict=fail findings=missing-term
# eq2code-example: note=Forgets the 1 + in the denominator: 1 / exp(-x).
import numpy as np


def sigmoid(x):
    return 1.0 / np.exp(-x)
