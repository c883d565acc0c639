# eq2code-example: verdict=pass
# eq2code-example: note=NumPy's logaddexp folded over the last axis: an equal form.
import numpy as np


def lse(x, axis=-1):
    return np.logaddexp.reduce(x, axis=axis)
