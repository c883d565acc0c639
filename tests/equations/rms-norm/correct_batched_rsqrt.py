# eq2code-example: verdict=pass
# eq2code-example: note=Batched over leading axes: mean of squares over axis=-1 with keepdims, multiplied by the reciprocal square root.
import numpy as np


def rms_norm(x, weight, epsilon=1e-6):
    ms = np.mean(np.square(x), axis=-1, keepdims=True)
    return x * (1.0 / np.sqrt(ms + epsilon)) * weight
