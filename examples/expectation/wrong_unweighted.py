# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Ignores p: the plain mean of f, as if p were uniform.
import numpy as np


def expectation(f, p):
    return np.mean(f)
