# eq2code-example: verdict=fail findings=missing-term
# eq2code-example: note=Returns the sigmoid itself, not its derivative.
import numpy as np


def sigmoid_grad(x):
    return 1 / (1 + np.exp(-x))
