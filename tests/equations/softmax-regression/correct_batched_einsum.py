# eq2code-example: verdict=pass
# eq2code-example: note=Batched with einsum over leading axes (W and x may both carry them), softmax over axis=-1 with keepdims.
import numpy as np


def softmax_regression(W, x, b):
    z = np.einsum("...kd,...d->...k", W, x) + b
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
