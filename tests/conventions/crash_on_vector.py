# eq2code-example: verdict=fail
# eq2code-example: check=--rule=softmax
# eq2code-example: note=Raises AttributeError on every input without a batch axis: a bug, not a shape preference.
import numpy as np


def softmax(z):
    if z.ndim == 1:
        z = z.as_matrix()
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
