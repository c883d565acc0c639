# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=softmax
# eq2code-example: note=The file's only function is a helper (a shifted exp); the layer class that uses it is the softmax.
import numpy as np


def shifted_exp(a):
    return np.exp(a - np.max(a, axis=-1, keepdims=True))


class Normalizer:
    def forward(self, a):
        e = shifted_exp(a)
        return e / np.sum(e, axis=-1, keepdims=True)
