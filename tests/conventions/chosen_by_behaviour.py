# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=softmax
# eq2code-example: note=Two public functions, neither named like the rule: the one whose results match is checked.
import numpy as np


def exps(z):
    return np.exp(z - np.max(z, axis=-1, keepdims=True))


def normalise(z):
    e = exps(z)
    return e / np.sum(e, axis=-1, keepdims=True)
