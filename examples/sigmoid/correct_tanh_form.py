# eq2code-example: verdict=pass
# eq2code-example: note=0.5 * (1 + tanh(x / 2)), an algebraically equal and stable form.
import numpy as np


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))
