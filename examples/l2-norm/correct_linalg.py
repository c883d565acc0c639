# eq2code-example: verdict=pass
# eq2code-example: note=NumPy's own norm.
import numpy as np


def l2_norm(x):
    return np.linalg.norm(x)
