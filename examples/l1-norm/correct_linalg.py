# eq2code-example: verdict=pass findings=batch-inconsistent
# eq2code-example: note=np.linalg.norm(x, ord=1): right on a vector, but on a 2-D batch ord=1 is the matrix norm (a warning).
import numpy as np


def l1_norm(x):
    return np.linalg.norm(x, ord=1)
