# eq2code-example: verdict=fail mistake=wrong-shape
# eq2code-example: check=--rule=l2-norm
# eq2code-example: note=Keeps the reduced axis: shape (1,) where the declared vector gives a scalar; declarations fix the layout.
import numpy as np


def l2_norm(x):
    return np.sqrt(np.sum(x ** 2, axis=-1, keepdims=True))
